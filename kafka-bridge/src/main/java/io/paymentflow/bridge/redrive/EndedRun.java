package io.paymentflow.bridge.redrive;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.paymentflow.contracts.event.KafkaCoordinates;
import java.time.Instant;

/**
 * A workflow whose latest run ended failed, terminated, timed out or cancelled: its record may be
 * in no table until the run is re-driven.
 *
 * @param readAt the Kafka record the run was for, from its input (null when it cannot be read)
 */
record EndedRun(
    @JsonProperty("workflow_id") String workflowId,
    @JsonProperty("run_id") String runId,
    @JsonProperty("workflow_type") String workflowType,
    @JsonProperty("status") String status,
    @JsonProperty("closed_at") Instant closedAt,
    @JsonProperty("read_at") KafkaCoordinates readAt) {}
