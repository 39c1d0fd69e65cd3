package io.paymentflow.workflow.validation;

import static io.paymentflow.workflow.validation.BusinessRules.AMOUNT_EXCEEDS_MAXIMUM;
import static io.paymentflow.workflow.validation.BusinessRules.AMOUNT_NOT_POSITIVE;
import static io.paymentflow.workflow.validation.BusinessRules.CURRENCY_NOT_ALLOWED;
import static io.paymentflow.workflow.validation.BusinessRules.CUSTOMER_BLOCKLISTED;
import static io.paymentflow.workflow.validation.BusinessRules.HIGH_VALUE;
import static io.paymentflow.workflow.validation.BusinessRules.MERCHANT_BLOCKLISTED;
import static io.paymentflow.workflow.validation.BusinessRules.MISSING_REQUIRED_FIELD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.paymentflow.contracts.payment.RuleViolation;
import io.paymentflow.contracts.payment.ValidationResult;
import io.paymentflow.workflow.support.Events;
import io.paymentflow.workflow.support.TemporalFixture;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class BusinessRulesTest {

  private final BusinessRules rules = new BusinessRules(TemporalFixture.defaultRules());

  private static Events valid() {
    return Events.payment("stripe:evt_1");
  }

  private static List<String> codes(List<RuleViolation> violations) {
    return violations.stream().map(RuleViolation::code).toList();
  }

  @Test
  void validEventPasses() {
    ValidationResult result = rules.validate(valid().build());

    assertThat(result.errors()).isEmpty();
    assertThat(result.warnings()).isEmpty();
    assertThat(result.status()).isEqualTo("passed");
  }

  @ParameterizedTest
  @ValueSource(longs = {0, -1})
  void zeroOrNegativeAmountIsNotPositive(long amount) {
    ValidationResult result = rules.validate(valid().amountCents(amount).build());

    assertThat(result.errors())
        .containsExactly(
            new RuleViolation(
                "amount_cents", AMOUNT_NOT_POSITIVE, "amount_cents must be > 0, was " + amount));
    assertThat(result.status()).isEqualTo("failed");
  }

  @Test
  void missingAmountIsNotPositive() {
    assertThat(codes(rules.validate(valid().amountCents(null).build()).errors()))
        .containsExactly(AMOUNT_NOT_POSITIVE);
  }

  @Test
  void amountAboveTheMaximumIsRejectedAndTheMaximumItselfIsNot() {
    assertThat(codes(rules.validate(valid().amountCents(100_000_001L).build()).errors()))
        .containsExactly(AMOUNT_EXCEEDS_MAXIMUM);
    assertThat(rules.validate(valid().amountCents(100_000_000L).build()).errors()).isEmpty();
  }

  @Test
  void amountAboveTenThousandIsOnlyAWarning() {
    ValidationResult high = rules.validate(valid().amountCents(10_001L).build());

    assertThat(high.errors()).isEmpty();
    assertThat(codes(high.warnings())).containsExactly(HIGH_VALUE);
    assertThat(high.status()).isEqualTo("passed");
    assertThat(rules.validate(valid().amountCents(10_000L).build()).warnings()).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"USD", "EUR", "GBP", "CAD", "AUD", "JPY", "CHF", "CNY", "HKD", "NZD"})
  void allowedCurrenciesPass(String currency) {
    assertThat(rules.validate(valid().currency(currency).build()).errors()).isEmpty();
  }

  @Test
  void currencyIsComparedUpperCase() {
    assertThat(rules.validate(valid().currency("usd").build()).errors()).isEmpty();
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {"XXX", "US", "USDX", " USD", "BTC"})
  void otherCurrenciesAreNotAllowed(String currency) {
    assertThat(codes(rules.validate(valid().currency(currency).build()).errors()))
        .containsExactly(CURRENCY_NOT_ALLOWED);
  }

  @ParameterizedTest
  @ValueSource(strings = {"cus_blocked_001", "cus_blocked_002", "cus_test_blocked"})
  void blocklistedCustomersAreRejected(String customerId) {
    assertThat(rules.validate(valid().customerId(customerId).build()).errors())
        .extracting(RuleViolation::rule, RuleViolation::code)
        .containsExactly(tuple("customer_id", CUSTOMER_BLOCKLISTED));
  }

  @Test
  void blocklistsMatchWholeIdsOnly() {
    assertThat(rules.validate(valid().customerId("cus_blocked_0011").build()).errors()).isEmpty();
    assertThat(rules.validate(valid().merchantId("merch_blocked").build()).errors()).isEmpty();
  }

  @Test
  void blocklistedMerchantIsRejected() {
    assertThat(codes(rules.validate(valid().merchantId("merch_blocked_001").build()).errors()))
        .containsExactly(MERCHANT_BLOCKLISTED);
  }

  @Test
  void eachBlankRequiredFieldIsOneError() {
    ValidationResult result =
        rules.validate(valid().eventId("  ").provider(null).eventType("").status(null).build());

    assertThat(result.errors())
        .extracting(RuleViolation::rule)
        .containsExactly("event_id", "provider", "event_type", "status");
    assertThat(codes(result.errors())).containsOnly(MISSING_REQUIRED_FIELD);
  }

  @Test
  void allBrokenRulesAreCollected() {
    ValidationResult result =
        rules.validate(
            valid()
                .amountCents(-5L)
                .currency("XXX")
                .customerId("cus_blocked_001")
                .merchantId("merch_blocked_001")
                .status(" ")
                .build());

    assertThat(codes(result.errors()))
        .containsExactly(
            AMOUNT_NOT_POSITIVE,
            CURRENCY_NOT_ALLOWED,
            CUSTOMER_BLOCKLISTED,
            MERCHANT_BLOCKLISTED,
            MISSING_REQUIRED_FIELD);
  }
}
