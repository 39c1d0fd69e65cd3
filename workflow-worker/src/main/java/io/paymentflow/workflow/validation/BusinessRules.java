package io.paymentflow.workflow.validation;

import io.paymentflow.contracts.event.PaymentEvent;
import io.paymentflow.contracts.payment.RuleViolation;
import io.paymentflow.contracts.payment.ValidationResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * CONTRACTS section 3: every broken rule is collected, none stops the others. A pure function of
 * the event and the configured thresholds.
 */
public final class BusinessRules {

  public static final String AMOUNT_NOT_POSITIVE = "AMOUNT_NOT_POSITIVE";
  public static final String AMOUNT_EXCEEDS_MAXIMUM = "AMOUNT_EXCEEDS_MAXIMUM";
  public static final String CURRENCY_NOT_ALLOWED = "CURRENCY_NOT_ALLOWED";
  public static final String CUSTOMER_BLOCKLISTED = "CUSTOMER_BLOCKLISTED";
  public static final String MERCHANT_BLOCKLISTED = "MERCHANT_BLOCKLISTED";
  public static final String MISSING_REQUIRED_FIELD = "MISSING_REQUIRED_FIELD";
  public static final String HIGH_VALUE = "HIGH_VALUE";

  private final BusinessRulesProperties rules;
  private final Set<String> allowedCurrencies;

  public BusinessRules(BusinessRulesProperties rules) {
    this.rules = rules;
    this.allowedCurrencies =
        rules.allowedCurrencies().stream().map(BusinessRules::upper).collect(Collectors.toSet());
  }

  public ValidationResult validate(PaymentEvent event) {
    List<RuleViolation> errors = new ArrayList<>();
    List<RuleViolation> warnings = new ArrayList<>();
    checkAmount(event.amountCents(), errors, warnings);
    String currency = event.currency();
    if (currency == null || !allowedCurrencies.contains(upper(currency))) {
      errors.add(
          new RuleViolation(
              "currency", CURRENCY_NOT_ALLOWED, "currency " + currency + " is not accepted"));
    }
    if (event.customerId() != null && rules.blockedCustomerIds().contains(event.customerId())) {
      errors.add(
          new RuleViolation("customer_id", CUSTOMER_BLOCKLISTED, "customer is on the blocklist"));
    }
    if (event.merchantId() != null && rules.blockedMerchantIds().contains(event.merchantId())) {
      errors.add(
          new RuleViolation("merchant_id", MERCHANT_BLOCKLISTED, "merchant is on the blocklist"));
    }
    requireText("event_id", event.eventId(), errors);
    requireText("provider", event.provider(), errors);
    requireText("event_type", event.eventType(), errors);
    requireText("status", event.status(), errors);
    return new ValidationResult(errors, warnings);
  }

  private void checkAmount(Long amount, List<RuleViolation> errors, List<RuleViolation> warnings) {
    // A missing amount is treated as zero: it cannot be charged, so it is not positive.
    if (amount == null || amount <= 0) {
      errors.add(
          new RuleViolation(
              "amount_cents", AMOUNT_NOT_POSITIVE, "amount_cents must be > 0, was " + amount));
      return;
    }
    if (amount > rules.maxAmountCents()) {
      errors.add(
          new RuleViolation(
              "amount_cents",
              AMOUNT_EXCEEDS_MAXIMUM,
              "amount_cents must be <= " + rules.maxAmountCents() + ", was " + amount));
    }
    if (amount > rules.highValueThresholdCents()) {
      warnings.add(
          new RuleViolation(
              "amount_cents",
              HIGH_VALUE,
              "amount_cents " + amount + " is above " + rules.highValueThresholdCents()));
    }
  }

  private static void requireText(String field, String value, List<RuleViolation> errors) {
    if (value == null || value.isBlank()) {
      errors.add(new RuleViolation(field, MISSING_REQUIRED_FIELD, field + " is required"));
    }
  }

  private static String upper(String value) {
    return value.toUpperCase(Locale.ROOT);
  }
}
