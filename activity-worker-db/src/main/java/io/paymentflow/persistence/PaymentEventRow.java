package io.paymentflow.persistence;

import io.paymentflow.contracts.event.PaymentEvent;
import io.paymentflow.contracts.event.StorableTimestamp;
import io.paymentflow.contracts.inference.ChurnPrediction;
import io.paymentflow.contracts.inference.FraudScore;
import io.paymentflow.contracts.inference.RetryStrategy;
import io.paymentflow.contracts.payment.EnrichmentError;
import io.paymentflow.contracts.payment.ValidationResult;
import io.paymentflow.contracts.persistence.EnrichedPaymentEvent;
import java.math.BigDecimal;
import java.time.OffsetDateTime;

/**
 * The column values of one {@code payment_events} row, named as the upsert's parameters. JSON
 * columns hold JSON text. The {@code has*} flags say whether this run produced that enrichment.
 */
record PaymentEventRow(
    String eventId,
    String provider,
    String providerEventId,
    String eventType,
    String merchantId,
    String customerId,
    Long amountCents,
    String currency,
    String paymentMethodType,
    String cardBrand,
    String cardLastFour,
    String status,
    String failureCode,
    String failureMessage,
    boolean hasFraud,
    BigDecimal fraudScore,
    String riskLevel,
    String riskFactors,
    String fraudModelVersion,
    boolean hasRetryStrategy,
    String retryStrategy,
    Integer retryDelaySeconds,
    boolean hasChurn,
    BigDecimal churnScore,
    String churnRiskLevel,
    Integer daysToChurnEstimate,
    String churnModelVersion,
    String validationStatus,
    String validationErrors,
    String validationWarnings,
    String enrichmentErrors,
    String metadata,
    OffsetDateTime providerCreatedAt,
    OffsetDateTime processedAt,
    Integer schemaVersion) {

  /** Maps {@code enriched} to columns, failing permanently on a value no retry could ever write. */
  static PaymentEventRow of(EnrichedPaymentEvent enriched, JsonColumns json) {
    RowChecks.require(enriched != null && enriched.event() != null, "the event is missing");
    PaymentEvent e = enriched.event();
    RowChecks.storable(enriched);
    FraudScore fraud = enriched.fraudScore();
    RetryStrategy retry = enriched.retryStrategy();
    ChurnPrediction churn = enriched.churnPrediction();
    ValidationResult validation = enriched.validation();
    return new PaymentEventRow(
        e.eventId(),
        e.provider(),
        e.providerEventId(),
        e.eventType(),
        e.merchantId(),
        e.customerId(),
        e.amountCents(),
        e.currency(),
        e.paymentMethodType(),
        e.cardBrand(),
        e.cardLastFour(),
        e.status(),
        e.failureCode(),
        e.failureMessage(),
        fraud != null,
        fraud == null ? null : RowChecks.score("fraud_score", fraud.fraudScore()),
        fraud == null ? null : fraud.riskLevel(),
        fraud == null ? null : json.write(fraud.riskFactors()),
        fraud == null ? null : fraud.modelVersion(),
        retry != null,
        json.write(retry),
        retry == null ? null : retry.delaySeconds(),
        churn != null,
        churn == null ? null : RowChecks.score("churn_score", churn.churnProbability()),
        churn == null ? null : churn.riskLevel(),
        churn == null ? null : churn.daysToChurnEstimate(),
        churn == null ? null : churn.modelVersion(),
        validation == null ? null : validation.status(),
        validation == null ? null : json.write(validation.errors()),
        validation == null ? null : json.write(validation.warnings()),
        json.write(enriched.enrichmentErrors().stream().map(EnrichmentError::storable).toList()),
        json.write(e.metadata()),
        StorableTimestamp.parse(e.providerCreatedAt()),
        StorableTimestamp.parse(e.processedAt()),
        e.schemaVersion());
  }
}
