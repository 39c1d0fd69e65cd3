package io.paymentflow.contracts.review;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * What {@link DLQReviewWorkflow} returns.
 *
 * @param reprocessWorkflowId the {@code PaymentEventWorkflow} of a reprocess, else null
 * @param reprocess what became of a reprocess (null otherwise, and in reviews that ended before
 *     outcomes were recorded)
 */
public record ReviewOutcome(
    @JsonProperty("resolution") Resolution resolution,
    @JsonProperty("reviewer") String reviewer,
    @JsonProperty("reprocess_workflow_id") String reprocessWorkflowId,
    @JsonProperty("reprocess") ReprocessOutcome reprocess) {}
