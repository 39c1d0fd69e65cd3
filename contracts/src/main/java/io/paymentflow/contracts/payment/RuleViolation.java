package io.paymentflow.contracts.payment;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A business rule an event broke, e.g. {@code {amount, AMOUNT_NOT_POSITIVE, ...}} (CONTRACTS
 * section 3).
 */
public record RuleViolation(
    @JsonProperty("rule") String rule,
    @JsonProperty("code") String code,
    @JsonProperty("message") String message) {}
