package io.paymentflow.contracts.review;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.paymentflow.contracts.event.PaymentEvent;

/**
 * The signal an operator sends to a {@link DLQReviewWorkflow}.
 *
 * @param correctedEvent required for {@link Resolution#REPROCESS}; ignored otherwise
 */
public record ReviewDecision(
    @JsonProperty("resolution") Resolution resolution,
    @JsonProperty("reviewer") String reviewer,
    @JsonProperty("corrected_event") PaymentEvent correctedEvent) {}
