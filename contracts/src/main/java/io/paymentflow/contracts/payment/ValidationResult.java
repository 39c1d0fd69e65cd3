package io.paymentflow.contracts.payment;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * The outcome of {@code validateBusinessRules}. Warnings (e.g. {@code HIGH_VALUE}) never fail an
 * event; errors do.
 */
public record ValidationResult(
    @JsonProperty("errors") List<RuleViolation> errors,
    @JsonProperty("warnings") List<RuleViolation> warnings) {

  public static final String PASSED = "passed";
  public static final String FAILED = "failed";

  public ValidationResult {
    errors = errors == null ? List.of() : List.copyOf(errors);
    warnings = warnings == null ? List.of() : List.copyOf(warnings);
  }

  /** {@code passed} or {@code failed}, as stored in {@code payment_events.validation_status}. */
  @JsonIgnore
  public String status() {
    return errors.isEmpty() ? PASSED : FAILED;
  }
}
