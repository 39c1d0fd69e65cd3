package io.paymentflow.bridge.start;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.grpc.Status;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.paymentflow.bridge.BridgeMetrics;
import io.paymentflow.bridge.BridgeProperties;
import io.paymentflow.bridge.poison.PoisonRecordHandler;
import io.paymentflow.bridge.support.Events;
import io.paymentflow.bridge.support.ExecutionRecorder;
import io.paymentflow.bridge.support.RecordingPaymentWorkflow;
import io.paymentflow.bridge.support.StartFaults;
import io.paymentflow.bridge.support.TestProperties;
import io.paymentflow.contracts.event.KafkaCoordinates;
import io.paymentflow.contracts.event.PaymentEvent;
import io.paymentflow.contracts.event.QuarantinedRecord;
import io.paymentflow.contracts.payment.PaymentEventResult;
import io.paymentflow.contracts.payment.PaymentEventWorkflow;
import io.paymentflow.contracts.payment.WorkflowIds;
import io.paymentflow.embeddedtemporal.EmbeddedTemporalServer;
import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.api.workflowservice.v1.DescribeWorkflowExecutionRequest;
import io.temporal.client.WorkflowClient;
import io.temporal.common.converter.DataConverter;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import io.temporal.worker.WorkerFactory;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The starter against a real (in-JVM) Temporal server with no worker, so that started workflows
 * stay running until a test closes them.
 */
class WorkflowStarterTest {

  private static final KafkaCoordinates READ_AT = new KafkaCoordinates("payments.normalized", 0, 1);

  private final EmbeddedTemporalServer temporal = new EmbeddedTemporalServer();
  private final StartedFlagInterceptor startedFlag = new StartedFlagInterceptor();
  private final StartFaults faults = new StartFaults();
  private final BridgeProperties properties =
      TestProperties.withRetries(Duration.ofMillis(50), Duration.ofMillis(500));
  private final WorkflowServiceStubs stubs =
      WorkflowServiceStubs.newServiceStubs(
          TemporalClientConfig.configure(
                  WorkflowServiceStubsOptions.newBuilder().setTarget(temporal.target()),
                  properties,
                  startedFlag)
              .setGrpcClientInterceptors(List.of(startedFlag, faults))
              .build());
  private final WorkflowClient client = WorkflowClient.newInstance(stubs);
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final StartFailures failures = new StartFailures();
  private final BridgeMetrics metrics = new BridgeMetrics(registry);
  private final WorkflowStarter starter = starter(properties);

  @AfterEach
  void stop() throws InterruptedException {
    starter.destroy();
    stubs.shutdownNow();
    temporal.close();
  }

  @Test
  void aSecondStartOfARunningWorkflowAttachesToItAndIsADuplicate() throws Exception {
    assertThat(start("stripe:evt_1")).isEqualTo(StartOutcome.STARTED);
    assertThat(start("stripe:evt_1")).isEqualTo(StartOutcome.DUPLICATE);

    assertThat(counter("workflows.started")).isEqualTo(1);
    assertThat(counter("workflows.duplicates")).isEqualTo(1);
  }

  @Test
  void aStartOfACompletedWorkflowIsADuplicateAndRunsNothingNew() throws Exception {
    WorkerFactory workers = WorkerFactory.newInstance(client);
    workers
        .newWorker(properties.temporalTaskQueue())
        .registerWorkflowImplementationFactory(
            PaymentEventWorkflow.class,
            () -> new RecordingPaymentWorkflow(new ExecutionRecorder()));
    workers.start();
    try {
      start("stripe:evt_2");
      client.newUntypedWorkflowStub("payment-stripe:evt_2").getResult(PaymentEventResult.class);
      String firstRun = runId("payment-stripe:evt_2");

      assertThat(start("stripe:evt_2")).isEqualTo(StartOutcome.DUPLICATE);
      assertThat(runId("payment-stripe:evt_2")).isEqualTo(firstRun);
    } finally {
      workers.shutdownNow();
    }
  }

  @Test
  void aWorkflowThatWasTerminatedRunsAgainWhenItsRecordComesAgain() throws Exception {
    start("stripe:evt_3");
    String firstRun = runId("payment-stripe:evt_3");
    client.newUntypedWorkflowStub("payment-stripe:evt_3").terminate("stuck");

    assertThat(start("stripe:evt_3")).isEqualTo(StartOutcome.STARTED);
    assertThat(runId("payment-stripe:evt_3")).isNotEqualTo(firstRun);
  }

  @Test
  void aFailingStartIsRetriedUntilTemporalAnswers() throws Exception {
    temporal.stop();
    CompletableFuture<StartOutcome> start =
        starter.start(WorkflowStart.payment(event("sq:1"), READ_AT));
    await().atMost(Duration.ofSeconds(10)).until(() -> counter("start.failures") >= 2);
    assertThat(start).isNotDone();
    assertThat(failures.current()).isNotNull();

    temporal.restart();
    assertThat(start.get(30, TimeUnit.SECONDS)).isEqualTo(StartOutcome.STARTED);
    assertThat(failures.current()).isNull();
  }

  @Test
  void aCancelledStartIsNotRetried() throws Exception {
    WorkflowStarter slowRetries =
        starter(TestProperties.withRetries(Duration.ofSeconds(3), Duration.ofSeconds(3)));
    try {
      temporal.stop();
      CompletableFuture<StartOutcome> start =
          slowRetries.start(WorkflowStart.payment(event("sq:2"), READ_AT));
      await().atMost(Duration.ofSeconds(10)).until(() -> counter("start.failures") >= 1);
      start.cancel(false); // between attempts: the next one is seconds away
      temporal.restart();
      assertThat(start("sq:other")).as("Temporal is back").isEqualTo(StartOutcome.STARTED);

      await()
          .during(Duration.ofSeconds(4))
          .atMost(Duration.ofSeconds(5))
          .until(() -> !exists("payment-sq:2"));
    } finally {
      slowRetries.destroy();
    }
  }

  @Test
  void aStartThatThrowsAnErrorIsCountedAndRetriedUntilItStarts() throws Exception {
    faults.throwOnNextStarts(2, () -> new NoClassDefFoundError("io/grpc/internal/Missing"));

    assertThat(start("err:1")).isEqualTo(StartOutcome.STARTED);
    assertThat(counter("start.failures", "code", "NoClassDefFoundError")).isEqualTo(2);
    assertThat(faults.starts()).isEqualTo(3);
    assertThat(failures.current()).as("the success cleared it").isNull();
  }

  @Test
  void aVirtualMachineErrorIsThrownOnOnlyAfterItsRetryIsScheduled() throws Exception {
    faults.throwOnNextStarts(1, StackOverflowError::new);

    assertThat(start("err:2")).isEqualTo(StartOutcome.STARTED);
    assertThat(counter("start.failures", "code", "StackOverflowError")).isEqualTo(1);
    assertThat(faults.starts()).isEqualTo(2);
  }

  @Test
  void aFailureWhileReplacingARefusedStartIsRetriedToo() throws Exception {
    // Temporal's converter (Jackson 2) writes JSON nested up to 1000 deep, the review's renderer
    // (Jackson 3) up to 500: building the START_REJECTED review of this event throws.
    PaymentEvent event = event("err:3", Map.of("deep", nested(600)));
    faults.refuse(StartFaults.serverLimits(1000, 100));
    CompletableFuture<StartOutcome> start = starter.start(WorkflowStart.payment(event, READ_AT));

    await().atMost(Duration.ofSeconds(10)).until(() -> counter("start.failures") >= 3);
    assertThat(start).as("retried, not dropped").isNotDone();
    assertThat(failures.current()).as("readiness shows it").isNotNull();

    faults.refuseNothing();
    assertThat(start.get(30, TimeUnit.SECONDS)).isEqualTo(StartOutcome.STARTED);
    assertThat(exists("payment-err:3")).isTrue();
    assertThat(exists("dlq-review-payments.normalized-0-1")).isFalse();
  }

  @Test
  void aStartOverTheServersBlobLimitBecomesItsRecordsStartRejectedReview() throws Exception {
    faults.refuse(StartFaults.serverLimits(1000, 20_000));
    PaymentEvent event = event("big:1", Map.of("note", "x".repeat(30_000)));

    assertThat(starter.start(WorkflowStart.payment(event, READ_AT)).get(30, TimeUnit.SECONDS))
        .isEqualTo(StartOutcome.STARTED);

    QuarantinedRecord review = reviewOf(READ_AT);
    assertThat(review.failureReason()).isEqualTo("START_REJECTED");
    assertThat(review.eventId()).isEqualTo("big:1");
    assertThat(review.originalPayload()).hasSize(16 * 1024).startsWith("{\"event_id\":\"big:1\"");
    assertThat(review.validationErrors().get(0).message())
        .isEqualTo(
            "Temporal refused the start of payment-big:1: INVALID_ARGUMENT: "
                + StartFaults.BLOB_SIZE_EXCEEDS_LIMIT);
    assertThat(exists("payment-big:1")).isFalse();
    assertThat(counter("start.rejected")).isEqualTo(1);
  }

  @Test
  void aStartWhoseIdIsOverTheServersLengthLimitBecomesItsRecordsStartRejectedReview()
      throws Exception {
    faults.refuse(StartFaults.serverLimits(60, 2 << 20));
    String eventId = "stripe:" + "é".repeat(30); // 37 characters, 67 bytes: the server counts bytes

    assertThat(start(eventId)).isEqualTo(StartOutcome.STARTED);

    QuarantinedRecord review = reviewOf(READ_AT);
    assertThat(review.failureReason()).isEqualTo("START_REJECTED");
    assertThat(review.validationErrors().get(0).message())
        .endsWith(
            "INVALID_ARGUMENT: "
                + StartFaults.WORKFLOW_ID_OVER_MAX_LENGTH.formatted(8 + 7 + 2 * 30, 60));
    assertThat(exists("payment-" + eventId)).isFalse();
  }

  @Test
  void anyOtherInvalidArgumentIsRetriedAndTheEventStartsOnceItPasses() throws Exception {
    // Not about the record: a server setting or a proxy may say so for a while.
    faults.refuse(
        request ->
            Status.INVALID_ARGUMENT.withDescription(
                "WorkflowIdConflictPolicy is not supported by this gateway"));
    CompletableFuture<StartOutcome> start =
        starter.start(WorkflowStart.payment(event("flag:1"), READ_AT));

    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> counter("start.failures", "code", "INVALID_ARGUMENT") >= 3);
    assertThat(start).isNotDone();
    assertThat(failures.current()).as("readiness shows it").isNotNull();
    assertThat(counter("start.rejected")).isZero();

    faults.refuseNothing();
    assertThat(start.get(30, TimeUnit.SECONDS)).isEqualTo(StartOutcome.STARTED);
    assertThat(exists("payment-flag:1")).isTrue();
    assertThat(exists("dlq-review-payments.normalized-0-1"))
        .as("no review, no wrong table")
        .isFalse();
  }

  @Test
  void whenEvenTheSmallestReviewIsRefusedTheRecordsOwnStartIsRetried() throws Exception {
    faults.refuse(StartFaults.serverLimits(1000, 10)); // refuses every start, reviews included
    CompletableFuture<StartOutcome> start =
        starter.start(WorkflowStart.payment(event("tiny:1"), READ_AT));

    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> counter("start.rejected") >= 4 && faults.starts() >= 6);
    assertThat(start).isNotDone();

    faults.refuseNothing(); // e.g. the operator raised the limit
    assertThat(start.get(30, TimeUnit.SECONDS)).isEqualTo(StartOutcome.STARTED);
    assertThat(exists("payment-tiny:1")).as("the event's own workflow").isTrue();
    assertThat(exists("dlq-review-payments.normalized-0-1")).as("not an empty review").isFalse();
  }

  /** The input the review of the record read at {@code readAt} was started with. */
  private QuarantinedRecord reviewOf(KafkaCoordinates readAt) {
    HistoryEvent started =
        client.fetchHistory(WorkflowIds.review(readAt)).getHistory().getEvents(0);
    return DataConverter.getDefaultInstance()
        .fromPayloads(
            0,
            Optional.of(started.getWorkflowExecutionStartedEventAttributes().getInput()),
            QuarantinedRecord.class,
            QuarantinedRecord.class);
  }

  private static Object nested(int depth) {
    Object value = "leaf";
    for (int i = 0; i < depth; i++) {
      value = Map.of("n", value);
    }
    return value;
  }

  private WorkflowStarter starter(BridgeProperties properties) {
    return new WorkflowStarter(
        new StartCall(client, startedFlag),
        new StartPolicy(properties),
        new StartMetrics(metrics, failures),
        new PoisonRecordHandler(metrics, properties),
        properties);
  }

  private StartOutcome start(String eventId) throws Exception {
    return starter.start(WorkflowStart.payment(event(eventId), READ_AT)).get(30, TimeUnit.SECONDS);
  }

  private double counter(String name, String... tags) {
    return registry.find(BridgeMetrics.PREFIX + name).tags(tags).counters().stream()
        .mapToDouble(c -> c.count())
        .sum();
  }

  private String runId(String workflowId) {
    return describe(workflowId).getWorkflowExecutionInfo().getExecution().getRunId();
  }

  private boolean exists(String workflowId) {
    try {
      describe(workflowId);
      return true;
    } catch (io.grpc.StatusRuntimeException notFound) {
      return false;
    }
  }

  private io.temporal.api.workflowservice.v1.DescribeWorkflowExecutionResponse describe(
      String workflowId) {
    return stubs
        .blockingStub()
        .describeWorkflowExecution(
            DescribeWorkflowExecutionRequest.newBuilder()
                .setNamespace("default")
                .setExecution(WorkflowExecution.newBuilder().setWorkflowId(workflowId))
                .build());
  }

  private static PaymentEvent event(String eventId) {
    return Events.event(eventId, Map.of());
  }

  private static PaymentEvent event(String eventId, Map<String, Object> metadata) {
    return Events.event(eventId, metadata);
  }
}
