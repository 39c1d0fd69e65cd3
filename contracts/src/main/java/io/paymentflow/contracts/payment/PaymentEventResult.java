package io.paymentflow.contracts.payment;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.util.List;

/**
 * What {@link PaymentEventWorkflow} returns (CONTRACTS section 2.2).
 *
 * @param persisted the {@code payment_events} row was written
 * @param quarantined PostgreSQL refused the row for good, and the event was kept for review instead
 */
public record PaymentEventResult(
    @JsonProperty("event_id") String eventId,
    @JsonProperty("validation_status") String validationStatus,
    @JsonProperty("validation_errors") List<RuleViolation> validationErrors,
    @JsonProperty("fraud_score") BigDecimal fraudScore,
    @JsonProperty("risk_level") String riskLevel,
    @JsonProperty("retry_strategy") String retryStrategy,
    @JsonProperty("churn_score") BigDecimal churnScore,
    @JsonProperty("churn_risk_level") String churnRiskLevel,
    @JsonProperty("enrichment_errors") List<EnrichmentError> enrichmentErrors,
    @JsonProperty("persisted") boolean persisted,
    @JsonProperty("quarantined") boolean quarantined) {}
