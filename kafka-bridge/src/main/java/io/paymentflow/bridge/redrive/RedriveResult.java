package io.paymentflow.bridge.redrive;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.paymentflow.contracts.event.KafkaCoordinates;

/**
 * What a re-drive did with one workflow.
 *
 * @param outcome {@code started} (a new run under the same id, with the same input), {@code
 *     not_needed} (its latest run is running or completed: nothing to do), or {@code not_found}
 * @param previousStatus the status of the run it found
 * @param runId the new run's id when started
 */
record RedriveResult(
    @JsonProperty("workflow_id") String workflowId,
    @JsonProperty("outcome") String outcome,
    @JsonProperty("previous_status") String previousStatus,
    @JsonProperty("run_id") String runId,
    @JsonProperty("read_at") KafkaCoordinates readAt) {

  static final String STARTED = "started";
  static final String NOT_NEEDED = "not_needed";
  static final String NOT_FOUND = "not_found";
}
