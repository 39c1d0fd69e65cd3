package io.paymentflow.localrun;

import io.paymentflow.contracts.Payloads;
import io.paymentflow.contracts.event.KafkaCoordinates;
import io.paymentflow.contracts.event.PaymentSource;
import io.paymentflow.contracts.event.QuarantinedRecord;
import io.paymentflow.contracts.payment.PaymentEventWorkflow;
import io.paymentflow.contracts.review.DLQReviewWorkflow;
import io.temporal.api.workflow.v1.WorkflowExecutionInfo;
import io.temporal.api.workflowservice.v1.GetWorkflowExecutionHistoryRequest;
import io.temporal.api.workflowservice.v1.ListOpenWorkflowExecutionsRequest;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowClientOptions;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import java.util.List;
import java.util.Optional;

/**
 * The workflows on the in-JVM Temporal server, as the local run needs them at stop: which are still
 * open, and where their records were read. The server keeps them only in this JVM, so these are the
 * local run's own calls; the apps never make them.
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

  /** Connects lazily, so it can be made before the server answers. */
  InJvmWorkflows(String target) {
    // The apps inherit this process's environment, so they use this same setting.
    this.namespace = setting("TEMPORAL_WORKER_TEMPORAL_NAMESPACE", "default");
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
