package io.paymentflow.persistence;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Writes {@code payment_events}: one row per event_id, however often the event is persisted. */
@Repository
class PaymentEventRepository {

  /*
   * The conflict branch names every column it refreshes, and so never touches ingested_at (first
   * insert only) or loaded_at (owned by the downstream loader). It runs only when the row's content
   * changes (the WHERE below: a re-run after Temporal's retention with another model's answer, a
   * degraded re-run, an operator's reprocess): then it sets loaded_to_iceberg back to false, so the
   * loader takes the new content too instead of keeping what it loaded. A re-run that changes
   * nothing leaves the row as it was, updated_at and the loader's flag included.
   *
   * Enrichment columns go by group, not by column. COALESCE(EXCLUDED.x, payment_events.x) would
   * keep an earlier value when a degraded re-run (the inference call failed after its retries)
   * brings null, but it would also mix two model runs: a new fraud score beside the old
   * risk_factors, or an old retry_delay_seconds beside a new strategy whose delay is legitimately
   * null. So a group this run produced replaces the whole group; a group it did not produce keeps
   * what the row had. For a replay, the event is the same, so a missing group means a failed call.
   * enrichment_errors always describes the latest run: beside a kept group, it says why this run
   * could not refresh it.
   *
   * RETURNING (xmax = 0) is true for a freshly inserted row and false for one the conflict branch
   * updated: the usual PostgreSQL idiom to tell the two apart in one round trip; no row comes back
   * when the conflict branch's WHERE left the row alone.
   */
  private static final String UPSERT =
      """
      INSERT INTO payment_events (
          event_id, provider, provider_event_id, event_type, merchant_id, customer_id,
          amount_cents, currency, payment_method_type, card_brand, card_last_four, status,
          failure_code, failure_message,
          fraud_score, risk_level, risk_factors, fraud_model_version,
          retry_strategy, retry_delay_seconds,
          churn_score, churn_risk_level, days_to_churn_estimate, churn_model_version,
          validation_status, validation_errors, validation_warnings, enrichment_errors, metadata,
          provider_created_at, processed_at, schema_version)
      VALUES (
          :eventId, :provider, :providerEventId, :eventType, :merchantId, :customerId,
          :amountCents, :currency, :paymentMethodType, :cardBrand, :cardLastFour, :status,
          :failureCode, :failureMessage,
          :fraudScore, :riskLevel, CAST(:riskFactors AS jsonb), :fraudModelVersion,
          CAST(:retryStrategy AS jsonb), :retryDelaySeconds,
          :churnScore, :churnRiskLevel, :daysToChurnEstimate, :churnModelVersion,
          :validationStatus, CAST(:validationErrors AS jsonb), CAST(:validationWarnings AS jsonb),
          CAST(:enrichmentErrors AS jsonb), CAST(:metadata AS jsonb),
          :providerCreatedAt, :processedAt, :schemaVersion)
      ON CONFLICT (event_id) DO UPDATE SET
          provider = EXCLUDED.provider,
          provider_event_id = EXCLUDED.provider_event_id,
          event_type = EXCLUDED.event_type,
          merchant_id = EXCLUDED.merchant_id,
          customer_id = EXCLUDED.customer_id,
          amount_cents = EXCLUDED.amount_cents,
          currency = EXCLUDED.currency,
          payment_method_type = EXCLUDED.payment_method_type,
          card_brand = EXCLUDED.card_brand,
          card_last_four = EXCLUDED.card_last_four,
          status = EXCLUDED.status,
          failure_code = EXCLUDED.failure_code,
          failure_message = EXCLUDED.failure_message,
          fraud_score = CASE WHEN :hasFraud THEN EXCLUDED.fraud_score
                             ELSE payment_events.fraud_score END,
          risk_level = CASE WHEN :hasFraud THEN EXCLUDED.risk_level
                            ELSE payment_events.risk_level END,
          risk_factors = CASE WHEN :hasFraud THEN EXCLUDED.risk_factors
                              ELSE payment_events.risk_factors END,
          fraud_model_version = CASE WHEN :hasFraud THEN EXCLUDED.fraud_model_version
                                     ELSE payment_events.fraud_model_version END,
          retry_strategy = CASE WHEN :hasRetryStrategy THEN EXCLUDED.retry_strategy
                                ELSE payment_events.retry_strategy END,
          retry_delay_seconds = CASE WHEN :hasRetryStrategy THEN EXCLUDED.retry_delay_seconds
                                     ELSE payment_events.retry_delay_seconds END,
          churn_score = CASE WHEN :hasChurn THEN EXCLUDED.churn_score
                             ELSE payment_events.churn_score END,
          churn_risk_level = CASE WHEN :hasChurn THEN EXCLUDED.churn_risk_level
                                  ELSE payment_events.churn_risk_level END,
          days_to_churn_estimate = CASE WHEN :hasChurn THEN EXCLUDED.days_to_churn_estimate
                                        ELSE payment_events.days_to_churn_estimate END,
          churn_model_version = CASE WHEN :hasChurn THEN EXCLUDED.churn_model_version
                                     ELSE payment_events.churn_model_version END,
          validation_status = EXCLUDED.validation_status,
          validation_errors = EXCLUDED.validation_errors,
          validation_warnings = EXCLUDED.validation_warnings,
          enrichment_errors = EXCLUDED.enrichment_errors,
          metadata = EXCLUDED.metadata,
          provider_created_at = EXCLUDED.provider_created_at,
          processed_at = EXCLUDED.processed_at,
          schema_version = EXCLUDED.schema_version,
          updated_at = now(),
          loaded_to_iceberg = false
      WHERE (payment_events.provider, payment_events.provider_event_id, payment_events.event_type,
             payment_events.merchant_id, payment_events.customer_id, payment_events.amount_cents,
             payment_events.currency, payment_events.payment_method_type,
             payment_events.card_brand, payment_events.card_last_four, payment_events.status,
             payment_events.failure_code, payment_events.failure_message,
             payment_events.validation_status, payment_events.validation_errors,
             payment_events.validation_warnings, payment_events.enrichment_errors,
             payment_events.metadata, payment_events.provider_created_at,
             payment_events.processed_at, payment_events.schema_version)
            IS DISTINCT FROM
            (EXCLUDED.provider, EXCLUDED.provider_event_id, EXCLUDED.event_type,
             EXCLUDED.merchant_id, EXCLUDED.customer_id, EXCLUDED.amount_cents,
             EXCLUDED.currency, EXCLUDED.payment_method_type,
             EXCLUDED.card_brand, EXCLUDED.card_last_four, EXCLUDED.status,
             EXCLUDED.failure_code, EXCLUDED.failure_message,
             EXCLUDED.validation_status, EXCLUDED.validation_errors,
             EXCLUDED.validation_warnings, EXCLUDED.enrichment_errors,
             EXCLUDED.metadata, EXCLUDED.provider_created_at,
             EXCLUDED.processed_at, EXCLUDED.schema_version)
         OR (:hasFraud AND
             (payment_events.fraud_score, payment_events.risk_level, payment_events.risk_factors,
              payment_events.fraud_model_version)
             IS DISTINCT FROM
             (EXCLUDED.fraud_score, EXCLUDED.risk_level, EXCLUDED.risk_factors,
              EXCLUDED.fraud_model_version))
         OR (:hasRetryStrategy AND
             (payment_events.retry_strategy, payment_events.retry_delay_seconds)
             IS DISTINCT FROM (EXCLUDED.retry_strategy, EXCLUDED.retry_delay_seconds))
         OR (:hasChurn AND
             (payment_events.churn_score, payment_events.churn_risk_level,
              payment_events.days_to_churn_estimate, payment_events.churn_model_version)
             IS DISTINCT FROM
             (EXCLUDED.churn_score, EXCLUDED.churn_risk_level, EXCLUDED.days_to_churn_estimate,
              EXCLUDED.churn_model_version))
      RETURNING (xmax = 0) AS inserted
      """;

  private final JdbcClient jdbc;

  PaymentEventRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Inserts the row, or refreshes the existing one with the same event_id if it changed. */
  WriteOutcome upsert(PaymentEventRow row) {
    return jdbc.sql(UPSERT)
        .paramSource(row)
        .query(Boolean.class)
        .optional()
        .map(inserted -> inserted ? WriteOutcome.INSERTED : WriteOutcome.UPDATED)
        .orElse(WriteOutcome.DUPLICATE);
  }
}
