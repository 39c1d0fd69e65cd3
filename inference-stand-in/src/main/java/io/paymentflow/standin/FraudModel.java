package io.paymentflow.standin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * {@code POST /fraud/score}: a hash-derived base risk plus plain rules, so that tests can both
 * predict a direction (a large card payment in a rare currency scores high) and rely on exact
 * repeatability.
 */
final class FraudModel {

  static final String MODEL_VERSION = "fraud-stand-in-1.0";

  private static final Set<String> COMMON_CURRENCIES =
      Set.of("USD", "EUR", "GBP", "CAD", "AUD", "JPY", "CHF");
  private static final BigDecimal MEDIUM = new BigDecimal("0.3000");
  private static final BigDecimal HIGH = new BigDecimal("0.7000");

  private FraudModel() {}

  static ObjectNode score(JsonNode request) {
    Fields fields = new Fields(request);
    String eventId = fields.requiredText("event_id");
    Long amount = fields.requiredInt("amount_cents", 0);
    String currencyCode = fields.requiredText("currency");
    String customerId = fields.optionalText("customer_id");
    String merchantId = fields.optionalText("merchant_id");
    String methodType = fields.optionalText("payment_method_type");
    String cardBrand = fields.optionalText("card_brand");
    fields.check();
    long amountCents = amount;
    String currency = currencyCode.toUpperCase(Locale.ROOT);

    List<String> factors = new ArrayList<>();
    // The base varies per payment but not per method, so the method rules alone set the direction.
    double risk =
        0.15
            * StableHash.unit(
                eventId, Long.toString(amountCents), currency, customerId, merchantId);
    if (amountCents > 1_000_000) {
      risk += 0.40;
      factors.add("very_high_amount");
    } else if (amountCents > 100_000) {
      risk += 0.20;
      factors.add("high_amount");
    }
    if (!COMMON_CURRENCIES.contains(currency)) {
      risk += 0.20;
      factors.add("uncommon_currency");
    }
    String method = methodType == null ? "" : methodType.toLowerCase(Locale.ROOT);
    if (method.equals("card")) {
      risk += 0.15;
      factors.add("card_payment");
      if (cardBrand == null) {
        risk += 0.05;
        factors.add("unknown_card_brand");
      }
    } else if (method.equals("wallet")) {
      risk += 0.05;
      factors.add("wallet_payment");
    } else if (method.isEmpty()) {
      risk += 0.10;
      factors.add("unknown_payment_method");
    }
    if (customerId == null || customerId.isBlank()) {
      risk += 0.10;
      factors.add("guest_checkout");
    }

    BigDecimal score = StableHash.score(risk);
    ObjectNode response = JsonNodeFactory.instance.objectNode();
    response.put("event_id", eventId);
    response.put("fraud_score", score);
    response.put("risk_level", riskLevel(score));
    factors.forEach(response.putArray("risk_factors")::add);
    response.put("model_version", MODEL_VERSION);
    return response;
  }

  private static String riskLevel(BigDecimal score) {
    if (score.compareTo(HIGH) >= 0) {
      return "high";
    }
    return score.compareTo(MEDIUM) >= 0 ? "medium" : "low";
  }
}
