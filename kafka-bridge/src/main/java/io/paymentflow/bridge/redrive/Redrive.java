package io.paymentflow.bridge.redrive;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.paymentflow.contracts.event.KafkaCoordinates;
import io.paymentflow.contracts.payment.WorkflowIds;
import io.temporal.api.history.v1.WorkflowExecutionStartedEventAttributes;
import io.temporal.api.workflow.v1.WorkflowExecutionInfo;
import io.temporal.api.workflowservice.v1.StartWorkflowExecutionRequest;
import io.temporal.api.workflowservice.v1.StartWorkflowExecutionResponse;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.stereotype.Component;

/**
 * Re-drives a workflow whose latest run ended failed, terminated, timed out or cancelled: a new run
 * under the same id (the contract's reuse policy allows exactly that), of the same type, on the
 * same task queue, with the same input, bytes for bytes. The input is what the bridge decoded from
 * the Kafka record at its {@code read_at} (or what a payment workflow kept for review), so the
 * record is processed as if it had been delivered again, by today's workflow code, also when Kafka
 * no longer holds it. Its writes are idempotent, so nothing is doubled.
 */
@Component
class Redrive {

  private static final Logger log = LoggerFactory.getLogger(Redrive.class);

  private final EndedRuns runs;

  Redrive(EndedRuns runs) {
    this.runs = runs;
  }

  RedriveResult redrive(String workflowId) {
    Optional<WorkflowExecutionInfo> latest = runs.latest(workflowId);
    if (latest.isEmpty()) {
      return new RedriveResult(workflowId, RedriveResult.NOT_FOUND, null, null, null);
    }
    WorkflowExecutionInfo run = latest.get();
    String status = EndedRuns.status(run.getStatus());
    if (!EndedRuns.ENDED_BADLY.contains(run.getStatus())) {
      return new RedriveResult(workflowId, RedriveResult.NOT_NEEDED, status, null, null);
    }
    WorkflowExecutionStartedEventAttributes started = runs.started(run.getExecution());
    KafkaCoordinates readAt = runs.readAt(started);
    try (MDC.MDCCloseable ignored = MDC.putCloseable("workflow_id", workflowId)) {
      StartWorkflowExecutionResponse response =
          runs.stub()
              .startWorkflowExecution(
                  StartWorkflowExecutionRequest.newBuilder()
                      .setNamespace(runs.namespace())
                      .setWorkflowId(workflowId)
                      .setWorkflowType(started.getWorkflowType())
                      .setTaskQueue(started.getTaskQueue())
                      .setInput(started.getInput())
                      .setHeader(started.getHeader())
                      .setWorkflowIdReusePolicy(WorkflowIds.REUSE_POLICY)
                      .setWorkflowIdConflictPolicy(WorkflowIds.CONFLICT_POLICY)
                      .setRequestId(UUID.randomUUID().toString())
                      .setIdentity("kafka-bridge re-drive")
                      .build());
      if (!response.getStarted()) {
        // Someone re-drove it, or its record came again, between the describe and the start.
        return new RedriveResult(workflowId, RedriveResult.NOT_NEEDED, "running", null, readAt);
      }
      log.info(
          "Re-drove {} ({} run {}, record {}) as run {}",
          workflowId,
          status,
          run.getExecution().getRunId(),
          readAt,
          response.getRunId());
      return new RedriveResult(
          workflowId, RedriveResult.STARTED, status, response.getRunId(), readAt);
    } catch (StatusRuntimeException e) {
      if (e.getStatus().getCode() == Status.Code.ALREADY_EXISTS) {
        // Completed in between: a run of it finished after all.
        return new RedriveResult(workflowId, RedriveResult.NOT_NEEDED, "completed", null, readAt);
      }
      throw e;
    }
  }
}
