package io.paymentflow.workflow.support;

import io.paymentflow.contracts.Payloads;
import io.paymentflow.contracts.TaskQueues;
import io.paymentflow.contracts.payment.PaymentEventWorkflow;
import io.paymentflow.contracts.payment.WorkflowIds;
import io.paymentflow.contracts.review.DLQReviewWorkflow;
import io.paymentflow.workflow.ActivityOptionsConfig;
import io.paymentflow.workflow.ActivityRetryProperties;
import io.paymentflow.workflow.ActivitySettings;
import io.paymentflow.workflow.TaskQueueProperties;
import io.paymentflow.workflow.WorkflowRegistration;
import io.paymentflow.workflow.validation.BusinessRulesProperties;
import io.paymentflow.workflow.validation.ValidationActivitiesImpl;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowClientOptions;
import io.temporal.client.WorkflowOptions;
import io.temporal.testing.TestEnvironmentOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.WorkflowImplementationOptions;
import java.time.Duration;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/**
 * A real in-JVM Temporal test server running this module's registration on the workflow task queue,
 * with fake inference and database workers on their own task queues. Retries are short so that
 * failure paths finish in milliseconds; everything else is as in production.
 */
public final class TemporalFixture implements AutoCloseable, BeforeEachCallback, AfterAllCallback {

  /** Three quick attempts for inference, unlimited for persistence, as in production. */
  public static final ActivityRetryProperties FAST_RETRIES = fastRetries();

  public static final Duration REVIEW_WINDOW = Duration.ofDays(3);

  public final TestWorkflowEnvironment env;
  public final WorkflowClient client;
  public final FakeInference inference = new FakeInference();
  public final FakePersistence persistence = new FakePersistence();

  public TemporalFixture() {
    this(productionConverter(TestEnvironmentOptions.newBuilder()).build());
  }

  /**
   * Without time skipping: for tests that decide while a review waits, since the test server would
   * otherwise skip its whole window the moment nothing else runs.
   */
  public static TemporalFixture withoutTimeSkipping() {
    return new TemporalFixture(
        productionConverter(TestEnvironmentOptions.newBuilder()).setUseTimeskipping(false).build());
  }

  /**
   * The data converter every app uses ({@link Payloads#converter()}), so that the tests decode
   * inputs, results and decisions exactly as production does (BigDecimal metadata included).
   */
  public static TestEnvironmentOptions.Builder productionConverter(
      TestEnvironmentOptions.Builder options) {
    return options.setWorkflowClientOptions(
        WorkflowClientOptions.newBuilder().setDataConverter(Payloads.converter()).build());
  }

  private TemporalFixture(TestEnvironmentOptions options) {
    env = TestWorkflowEnvironment.newInstance(options);
    client = env.getWorkflowClient();
    WorkflowRegistration.register(
        env.newWorker(TaskQueues.PAYMENT_PROCESSING),
        workflowOptions(),
        REVIEW_WINDOW,
        new ValidationActivitiesImpl(defaultRules()));
    env.newWorker(TaskQueues.INFERENCE).registerActivitiesImplementations(inference);
    env.newWorker(TaskQueues.PERSISTENCE).registerActivitiesImplementations(persistence);
    env.start();
  }

  public static WorkflowImplementationOptions workflowOptions() {
    return ActivityOptionsConfig.forWorkflows(FAST_RETRIES, defaultQueues());
  }

  public static TaskQueueProperties defaultQueues() {
    return new TaskQueueProperties(
        TaskQueues.PAYMENT_PROCESSING, TaskQueues.INFERENCE, TaskQueues.PERSISTENCE);
  }

  /** The configured defaults, bound exactly as Spring binds them from an empty configuration. */
  public static BusinessRulesProperties defaultRules() {
    return new Binder(new MapConfigurationPropertySource())
        .bindOrCreate("temporal-worker.business-rules", BusinessRulesProperties.class);
  }

  public void reset() {
    inference.reset();
    persistence.reset();
  }

  /** A stub started the way the bridge starts it (CONTRACTS section 2.1). */
  public PaymentEventWorkflow newPayment(String eventId) {
    return client.newWorkflowStub(
        PaymentEventWorkflow.class, bridgeOptions(WorkflowIds.payment(eventId)));
  }

  public DLQReviewWorkflow newReview(String workflowId) {
    return client.newWorkflowStub(DLQReviewWorkflow.class, bridgeOptions(workflowId));
  }

  public static WorkflowOptions bridgeOptions(String workflowId) {
    return WorkflowOptions.newBuilder()
        .setWorkflowId(workflowId)
        .setTaskQueue(TaskQueues.PAYMENT_PROCESSING)
        .setWorkflowIdConflictPolicy(WorkflowIds.CONFLICT_POLICY)
        .setWorkflowIdReusePolicy(WorkflowIds.REUSE_POLICY)
        .build();
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    reset();
  }

  @Override
  public void afterAll(ExtensionContext context) {
    close();
  }

  @Override
  public void close() {
    env.close();
  }

  private static ActivityRetryProperties fastRetries() {
    ActivitySettings inference =
        new ActivitySettings(
            Duration.ofSeconds(10), null, Duration.ofMillis(10), 1.0, Duration.ofMillis(10), 3);
    ActivitySettings persistence =
        new ActivitySettings(null, null, Duration.ofMillis(10), 1.0, Duration.ofMillis(10), null);
    return new ActivityRetryProperties(
        null, inference, inference, inference, persistence, persistence, persistence, persistence);
  }
}
