package io.paymentflow.contracts.event;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;

/**
 * A normalized payment event, schema_version 1 (CONTRACTS section 1.1).
 *
 * <p>Timestamps stay the strings the normalizer wrote: the bridge checks that they parse, and the
 * database worker converts them, so nothing in between can reformat them. Nullable wrappers are
 * used where the contract allows a missing value, so that business rules, not deserialization,
 * decide what a missing value means.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record PaymentEvent(
    @JsonProperty("event_id") String eventId,
    @JsonProperty("provider") String provider,
    @JsonProperty("provider_event_id") String providerEventId,
    @JsonProperty("event_type") String eventType,
    @JsonProperty("merchant_id") String merchantId,
    @JsonProperty("customer_id") String customerId,
    @JsonProperty("amount_cents") Long amountCents,
    @JsonProperty("currency") String currency,
    @JsonProperty("payment_method_type") String paymentMethodType,
    @JsonProperty("card_brand") String cardBrand,
    @JsonProperty("card_last_four") String cardLastFour,
    @JsonProperty("status") String status,
    @JsonProperty("failure_code") String failureCode,
    @JsonProperty("failure_message") String failureMessage,
    @JsonProperty("metadata") Map<String, Object> metadata,
    @JsonProperty("provider_created_at") String providerCreatedAt,
    @JsonProperty("processed_at") String processedAt,
    @JsonProperty("schema_version") Integer schemaVersion) {

  public PaymentEvent {
    metadata = metadata == null ? Map.of() : metadata;
    schemaVersion = schemaVersion == null ? 1 : schemaVersion;
  }

  /**
   * {@code metadata.retry_attempt_count} as the inference service takes it, at least 1 (CONTRACTS
   * section 6): missing, 0 or negative is 1. {@link StorableEvent} keeps any other type out.
   */
  public int retryAttemptCount() {
    return metadata.get("retry_attempt_count") instanceof Integer n && n >= 1 ? n : 1;
  }
}
