package io.paymentflow.localrun;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.paymentflow.contracts.Payloads;
import io.paymentflow.contracts.TaskQueues;
import io.paymentflow.contracts.event.KafkaCoordinates;
import io.paymentflow.contracts.event.PaymentSource;
import io.paymentflow.contracts.event.QuarantinedRecord;
import io.paymentflow.contracts.payment.PaymentEventWorkflow;
import io.paymentflow.contracts.payment.WorkflowIds;
import io.paymentflow.contracts.review.DLQReviewWorkflow;
import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.api.workflow.v1.WorkflowExecutionInfo;
import io.temporal.api.workflowservice.v1.DescribeWorkflowExecutionRequest;
import io.temporal.api.workflowservice.v1.GetWorkflowExecutionHistoryRequest;
import io.temporal.api.workflowservice.v1.ListOpenWorkflowExecutionsRequest;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowClientOptions;
import io.temporal.client.WorkflowExecutionAlreadyStarted;
import io.temporal.client.WorkflowOptions;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import java.util.List;
import java.util.Optional;

/**
 * The workflows on the in-JVM Temporal server, as the local run needs them at stop (which are still
 * open) and at start (which reviews to open again). The server keeps them only in this JVM, so
 * these are the local run's own calls; the apps never make them.
 *
 * <p>The in-JVM server lists open executions ({@code ListOpenWorkflowExecutions}) without a
 * visibility store: every open execution of every type, ignoring filters and page size, built from
 * its in-memory histories; it does not answer {@code ListWorkflowExecutions} (the query form).
 */
final class InJvmWorkflows implements AutoCloseable {

  static final String PAYMENT_TYPE = PaymentEventWorkflow.class.getSimpleName();
  static final String REVIEW_TYPE = DLQReviewWorkflow.class.getSimpleName();

  private final WorkflowServiceStubs service;
  private final WorkflowClient client;
  private final String namespace;
  private final String taskQueue;

  /** Connects lazily, so it can be made before the server answers. */
  InJvmWorkflows(String target) {
    // The apps inherit this process's environment, so they use these same settings.
    this.namespace = setting("TEMPORAL_WORKER_TEMPORAL_NAMESPACE", "default");
    this.taskQueue = setting("TEMPORAL_WORKER_TEMPORAL_TASK_QUEUE", TaskQueues.PAYMENT_PROCESSING);
    this.service =
        WorkflowServiceStubs.newServiceStubs(
            WorkflowServiceStubsOptions.newBuilder().setTarget(target).build());
    this.client =
        WorkflowClient.newInstance(
            service,
            WorkflowClientOptions.newBuilder()
                .setNamespace(namespace)
                .setDataConverter(Payloads.converter())
                .build());
  }

  /** Every open execution, of every type. */
  List<WorkflowExecutionInfo> open() {
    return service
        .blockingStub()
        .listOpenWorkflowExecutions(
            ListOpenWorkflowExecutionsRequest.newBuilder().setNamespace(namespace).build())
        .getExecutionsList();
  }

  /** Whether any execution (open or closed) of this workflow id exists on the server. */
  boolean exists(String workflowId) {
    try {
      service
          .blockingStub()
          .describeWorkflowExecution(
              DescribeWorkflowExecutionRequest.newBuilder()
                  .setNamespace(namespace)
                  .setExecution(WorkflowExecution.newBuilder().setWorkflowId(workflowId))
                  .build());
      return true;
    } catch (StatusRuntimeException e) {
      if (e.getStatus().getCode() == Status.Code.NOT_FOUND) {
        return false;
      }
      throw e;
    }
  }

  /**
   * Starts the review of {@code record} under its contract id and start options (CONTRACTS 2.1), as
   * the bridge would: a running review of that id is joined, not doubled; false when a closed one
   * exists, which the reuse policy does not run again.
   */
  boolean startReview(QuarantinedRecord record) {
    WorkflowOptions options =
        WorkflowOptions.newBuilder()
            .setWorkflowId(WorkflowIds.review(record.readAt()))
            .setTaskQueue(taskQueue)
            .setWorkflowIdConflictPolicy(WorkflowIds.CONFLICT_POLICY)
            .setWorkflowIdReusePolicy(WorkflowIds.REUSE_POLICY)
            .build();
    try {
      WorkflowClient.start(
          client.newWorkflowStub(DLQReviewWorkflow.class, options)::review, record);
      return true;
    } catch (WorkflowExecutionAlreadyStarted e) {
      return false;
    }
  }

  /**
   * Where the record behind an execution was read, from its start input: a review's record, or a
   * payment's source. Empty for a payment an operator's reprocess started (it came from a review,
   * not from Kafka) or one started without a source.
   */
  Optional<KafkaCoordinates> readAt(WorkflowExecutionInfo execution) {
    var input =
        service
            .blockingStub()
            .getWorkflowExecutionHistory(
                GetWorkflowExecutionHistoryRequest.newBuilder()
                    .setNamespace(namespace)
                    .setExecution(execution.getExecution())
                    .setMaximumPageSize(1)
                    .build())
            .getHistory()
            .getEvents(0)
            .getWorkflowExecutionStartedEventAttributes()
            .getInput();
    if (execution.getType().getName().equals(REVIEW_TYPE)) {
      QuarantinedRecord record =
          Payloads.converter()
              .fromPayloads(
                  0, Optional.of(input), QuarantinedRecord.class, QuarantinedRecord.class);
      return Optional.ofNullable(record.readAt());
    }
    PaymentSource source =
        input.getPayloadsCount() < 2
            ? null
            : Payloads.converter()
                .fromPayloads(1, Optional.of(input), PaymentSource.class, PaymentSource.class);
    return source == null || source.reprocess()
        ? Optional.empty()
        : Optional.ofNullable(source.readAt());
  }

  @Override
  public void close() {
    service.shutdownNow();
  }

  private static String setting(String variable, String contractDefault) {
    String value = System.getenv(variable);
    return value == null || value.isBlank() ? contractDefault : value;
  }
}
