package io.paymentflow.workflow.validation;

import static io.paymentflow.workflow.validation.BusinessRules.AMOUNT_EXCEEDS_MAXIMUM;
import static io.paymentflow.workflow.validation.BusinessRules.CURRENCY_NOT_ALLOWED;
import static io.paymentflow.workflow.validation.BusinessRules.CUSTOMER_BLOCKLISTED;
import static io.paymentflow.workflow.validation.BusinessRules.HIGH_VALUE;
import static org.assertj.core.api.Assertions.assertThat;

import io.paymentflow.contracts.payment.RuleViolation;
import io.paymentflow.contracts.payment.ValidationResult;
import io.paymentflow.workflow.support.Events;
import io.paymentflow.workflow.support.TemporalFixture;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class BusinessRulesPropertiesTest {

  private static Events valid() {
    return Events.payment("stripe:evt_1");
  }

  private static List<String> codes(List<RuleViolation> violations) {
    return violations.stream().map(RuleViolation::code).toList();
  }

  @Test
  void defaultsAreTheContracts() {
    assertThat(TemporalFixture.defaultRules())
        .isEqualTo(
            new BusinessRulesProperties(
                100_000_000L,
                10_000L,
                Set.of("USD", "EUR", "GBP", "CAD", "AUD", "JPY", "CHF", "CNY", "HKD", "NZD"),
                Set.of("cus_blocked_001", "cus_blocked_002", "cus_test_blocked"),
                Set.of("merch_blocked_001")));
  }

  @Test
  void thresholdsAndListsAreConfigurable() {
    BusinessRulesProperties custom =
        new Binder(
                new MapConfigurationPropertySource(
                    Map.of(
                        "temporal-worker.business-rules.max-amount-cents", "500",
                        "temporal-worker.business-rules.high-value-threshold-cents", "100",
                        "temporal-worker.business-rules.allowed-currencies", "sek,NOK",
                        "temporal-worker.business-rules.blocked-customer-ids", "cus_x")))
            .bindOrCreate("temporal-worker.business-rules", BusinessRulesProperties.class);
    BusinessRules customRules = new BusinessRules(custom);

    ValidationResult result =
        customRules.validate(
            valid().amountCents(600L).currency("SEK").customerId("cus_blocked_001").build());

    assertThat(codes(result.errors())).containsExactly(AMOUNT_EXCEEDS_MAXIMUM);
    assertThat(codes(result.warnings())).containsExactly(HIGH_VALUE);
    assertThat(
            codes(
                customRules
                    .validate(valid().amountCents(400L).currency("USD").customerId("cus_x").build())
                    .errors()))
        .containsExactly(CURRENCY_NOT_ALLOWED, CUSTOMER_BLOCKLISTED);
  }
}
