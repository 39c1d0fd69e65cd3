package io.paymentflow.contracts.review;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One decision a review received, and what it did with it: the answer to whoever sent it, since a
 * signal returns nothing (query {@code decisions}).
 *
 * @param accepted whether this decision is the one the review acts on
 * @param reason why it was not accepted (already decided, expired, invalid), else null
 */
public record DecisionReceipt(
    @JsonProperty("resolution") Resolution resolution,
    @JsonProperty("reviewer") String reviewer,
    @JsonProperty("accepted") boolean accepted,
    @JsonProperty("reason") String reason) {}
