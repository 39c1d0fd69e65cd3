package io.paymentflow.workflow.validation;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Thresholds and lists of the business rules; the defaults are CONTRACTS section 3.
 *
 * @param maxAmountCents largest accepted amount, in minor units
 * @param highValueThresholdCents amounts above this get a {@code HIGH_VALUE} warning
 * @param allowedCurrencies ISO codes, compared upper-case
 */
@Validated
@ConfigurationProperties("temporal-worker.business-rules")
public record BusinessRulesProperties(
    @DefaultValue("100000000") @Positive long maxAmountCents,
    @DefaultValue("10000") @PositiveOrZero long highValueThresholdCents,
    @DefaultValue({"USD", "EUR", "GBP", "CAD", "AUD", "JPY", "CHF", "CNY", "HKD", "NZD"}) @NotEmpty
        Set<String> allowedCurrencies,
    @DefaultValue({"cus_blocked_001", "cus_blocked_002", "cus_test_blocked"}) @NotNull
        Set<String> blockedCustomerIds,
    @DefaultValue("merch_blocked_001") @NotNull Set<String> blockedMerchantIds) {

  public BusinessRulesProperties {
    allowedCurrencies = Set.copyOf(allowedCurrencies == null ? Set.of() : allowedCurrencies);
    blockedCustomerIds = Set.copyOf(blockedCustomerIds == null ? Set.of() : blockedCustomerIds);
    blockedMerchantIds = Set.copyOf(blockedMerchantIds == null ? Set.of() : blockedMerchantIds);
  }
}
