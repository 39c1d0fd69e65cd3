package io.paymentflow.contracts.review;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * What {@link DLQReviewWorkflow} returns.
 *
 * @param reprocessWorkflowId the {@code PaymentEventWorkflow} started for a reprocess, else null
 */
public record ReviewOutcome(
    @JsonProperty("resolution") Resolution resolution,
    @JsonProperty("reviewer") String reviewer,
    @JsonProperty("reprocess_workflow_id") String reprocessWorkflowId) {}
