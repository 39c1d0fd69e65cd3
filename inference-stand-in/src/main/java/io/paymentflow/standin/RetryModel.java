package io.paymentflow.standin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;
import java.util.Map;

/**
 * {@code POST /retry/strategy}: the failure code picks the action, as card networks' decline
 * guidance does; the attempt count ends retries once the rule's budget is spent.
 */
final class RetryModel {

  static final String RETRY_NOW = "retry_now";
  static final String RETRY_DELAYED = "retry_delayed";
  static final String DO_NOT_RETRY = "do_not_retry";
  static final String CONTACT_CUSTOMER = "contact_customer";

  private record Rule(String action, Integer delaySeconds, int maxAttempts, double confidence) {}

  private static final int ONE_DAY = 86_400;
  private static final Rule NEVER = new Rule(DO_NOT_RETRY, null, 0, 0.97);
  private static final Rule ASK_CUSTOMER = new Rule(CONTACT_CUSTOMER, null, 1, 0.90);
  private static final Rule TRANSIENT = new Rule(RETRY_NOW, 0, 3, 0.80);

  private static final Map<String, Rule> RULES =
      Map.ofEntries(
          Map.entry("insufficient_funds", new Rule(RETRY_DELAYED, ONE_DAY, 4, 0.85)),
          Map.entry("card_velocity_exceeded", new Rule(RETRY_DELAYED, ONE_DAY, 3, 0.75)),
          Map.entry("processing_error", TRANSIENT),
          Map.entry("issuer_not_available", TRANSIENT),
          Map.entry("try_again_later", TRANSIENT),
          Map.entry("rate_limit", new Rule(RETRY_DELAYED, 60, 5, 0.80)),
          Map.entry("card_declined", ASK_CUSTOMER),
          Map.entry("generic_decline", ASK_CUSTOMER),
          Map.entry("do_not_honor", ASK_CUSTOMER),
          Map.entry("expired_card", ASK_CUSTOMER),
          Map.entry("incorrect_cvc", ASK_CUSTOMER),
          Map.entry("incorrect_number", ASK_CUSTOMER),
          Map.entry("authentication_required", ASK_CUSTOMER),
          Map.entry("fraudulent", NEVER),
          Map.entry("stolen_card", NEVER),
          Map.entry("lost_card", NEVER),
          Map.entry("pickup_card", NEVER),
          Map.entry("restricted_card", NEVER),
          Map.entry("merchant_blacklist", NEVER));

  private RetryModel() {}

  static ObjectNode strategy(JsonNode request) {
    Fields fields = new Fields(request);
    String eventId = fields.requiredText("event_id");
    Long amount = fields.requiredInt("amount_cents", 0);
    String failureCode = fields.optionalText("failure_code");
    fields.optionalText("failure_message");
    // The real service requires at least 1 and defaults to 1 (CONTRACTS 6).
    Long attempts = fields.optionalInt("attempt_count", 1, 1L);
    fields.check();
    long amountCents = amount;
    long attemptCount = attempts;

    String code = failureCode == null ? "" : failureCode.trim().toLowerCase(Locale.ROOT);
    Rule rule = RULES.getOrDefault(code, unknownCodeRule(attemptCount));
    String reason = reason(code, rule);
    boolean retrying = rule.action().equals(RETRY_NOW) || rule.action().equals(RETRY_DELAYED);
    if (retrying && attemptCount >= rule.maxAttempts()) {
      reason = "retry budget of " + rule.maxAttempts() + " attempts spent";
      rule = new Rule(DO_NOT_RETRY, null, rule.maxAttempts(), 0.95);
    }
    // A little hash-derived spread, so confidences look like a model's and still repeat exactly.
    double jitter =
        0.05
            * StableHash.unit(
                eventId, code, Long.toString(amountCents), Long.toString(attemptCount));

    ObjectNode response = JsonNodeFactory.instance.objectNode();
    response.put("event_id", eventId);
    response.put("action", rule.action());
    response.put("delay_seconds", rule.delaySeconds());
    response.put("max_attempts", rule.maxAttempts());
    response.put("confidence", StableHash.score(rule.confidence() - jitter));
    response.put("reason", reason);
    return response;
  }

  /** Unknown or missing codes: retry later, waiting longer each attempt (1 h, 2 h, 4 h, 8 h). */
  private static Rule unknownCodeRule(long attemptCount) {
    int delay = 3_600 << (int) Math.min(Math.max(attemptCount - 1, 0), 3);
    return new Rule(RETRY_DELAYED, delay, 4, 0.55);
  }

  private static String reason(String code, Rule rule) {
    if (code.isEmpty()) {
      return "no failure code; retry later with backoff";
    }
    return switch (rule.action()) {
      case RETRY_NOW -> code + " is transient; retry now";
      case RETRY_DELAYED -> code + "; retry after " + rule.delaySeconds() + " s";
      case CONTACT_CUSTOMER -> code + " needs the customer to update their payment method";
      default -> code + " must not be retried";
    };
  }
}
