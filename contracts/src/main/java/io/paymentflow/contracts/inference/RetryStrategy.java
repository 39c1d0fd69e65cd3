package io.paymentflow.contracts.inference;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;

/** {@code POST /retry/strategy} response; stored whole in {@code payment_events.retry_strategy}. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record RetryStrategy(
    @JsonProperty("event_id") String eventId,
    @JsonProperty("action") String action,
    @JsonProperty("delay_seconds") Integer delaySeconds,
    @JsonProperty("max_attempts") Integer maxAttempts,
    @JsonProperty("confidence") BigDecimal confidence,
    @JsonProperty("reason") String reason) {}
