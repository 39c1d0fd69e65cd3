package io.paymentflow.workflow.support;

import static org.awaitility.Awaitility.await;

import io.paymentflow.contracts.TaskQueues;
import io.paymentflow.contracts.event.KafkaCoordinates;
import io.paymentflow.contracts.event.PaymentEvent;
import io.paymentflow.contracts.event.PaymentSource;
import io.paymentflow.contracts.payment.WorkflowIds;
import io.paymentflow.contracts.review.DLQReviewWorkflow;
import io.paymentflow.contracts.review.RecordedDecision;
import io.paymentflow.contracts.review.Resolution;
import io.paymentflow.contracts.review.ReviewDecision;
import io.paymentflow.contracts.review.ReviewOutcome;
import io.paymentflow.workflow.WorkflowRegistration;
import io.paymentflow.workflow.review.QuarantineRecords;
import io.paymentflow.workflow.support.FakeInference.Mode;
import io.paymentflow.workflow.validation.ValidationActivitiesImpl;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowStub;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import io.temporal.worker.WorkerFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Records the histories that {@code WorkflowReplayTest} replays, from the workflows as they are
 * now. Run it only when a workflow change is deliberate (and versioned with {@code
 * Workflow.getVersion}), into a scratch directory, and commit only the files that are new beside
 * the old ones; never overwrite a history that running workflows may still have. From the
 * repository root:
 *
 * <pre>
 * ./mvnw -B -q -f workflow-worker/pom.xml test-compile exec:java -Dexec.classpathScope=test \
 *   -Dexec.mainClass=io.paymentflow.workflow.support.RecordHistories \
 *   -Dexec.args="workflow-worker/src/test/resources/histories 127.0.0.1:17233"
 * </pre>
 *
 * <p>The second argument, a real Temporal server (tools/temporal-server/run.sh), is needed only for
 * the history of a decision racing the review window.
 */
public final class RecordHistories {

  private RecordHistories() {}

  public static void main(String[] args) throws IOException, InterruptedException {
    if (args.length < 1 || args.length > 2) {
      throw new IllegalArgumentException(
          "usage: RecordHistories <output directory> [<host:port of a real Temporal server>]");
    }
    Path out = Files.createDirectories(Path.of(args[0]));
    try (TemporalFixture temporal = new TemporalFixture()) {
      record(temporal, out, "payment-succeeded", Events.payment("stripe:evt_hist_ok").build());
      record(
          temporal,
          out,
          "payment-failed",
          Events.payment("stripe:evt_hist_failed").failed().build());
      temporal.inference.mode(FakeInference.FRAUD, Mode.RETRYABLE_FAILURE);
      temporal.inference.mode(FakeInference.CHURN, Mode.NON_RETRYABLE_FAILURE);
      record(temporal, out, "payment-degraded", Events.payment("stripe:evt_hist_degraded").build());
      temporal.reset();
      // A successful charge of a failed subscription, with a customer: all three enrichments run.
      record(
          temporal,
          out,
          "payment-three-enrichments",
          Events.payment("stripe:evt_hist_three")
              .eventType("subscription.charge_failed")
              .status("succeeded")
              .build());
      temporal.persistence.rejectPersist();
      // The row refused for good: kept as a quarantine row (persist-backstop version 1).
      record(
          temporal,
          out,
          "payment-persist-quarantined",
          Events.payment("stripe:evt_hist_rej").build());
      temporal.reset();

      // Expiry first: the test server stops skipping time once an abandoned child has completed.
      review(temporal, out, "review-expired", null, 8);
      refusedThenDecided(temporal, out, "review-decision-refused", 11);
      PaymentEvent corrected = Events.payment("stripe:evt_hist_corrected").build();
      review(
          temporal,
          out,
          "review-reprocess-outcome",
          new ReviewDecision(Resolution.REPROCESS, "alice", corrected),
          7);
      // The corrected event's workflow exists already (the event was processed once).
      PaymentEvent processed = Events.payment("stripe:evt_hist_processed").build();
      temporal.newPayment(processed.eventId()).process(processed, Events.SOURCE);
      review(
          temporal,
          out,
          "review-child-exists-outcome",
          new ReviewDecision(Resolution.REPROCESS, "bob", processed),
          9);
      // Version 1 of decided-rows.
      decidedBy(temporal, out, "review-decided-by-update", 12);
      temporal.persistence.decided(
          new KafkaCoordinates("payments.validation.dlq", 0, 13),
          new RecordedDecision(Resolution.DISCARD, "alice"));
      review(temporal, out, "review-row-decided-before", null, 13);
      KafkaCoordinates taken = new KafkaCoordinates("payments.validation.dlq", 0, 14);
      temporal.persistence.decided(taken, new RecordedDecision(Resolution.MANUAL_FIX, "carol"));
      review(
          temporal,
          out,
          "review-decision-not-taken",
          new ReviewDecision(
              Resolution.REPROCESS, "bob", Events.payment("stripe:evt_hist_not_taken").build()),
          14);
      // Last: none of these needs the test server to skip time, which it no longer does once an
      // abandoned child has completed.
      // Version 1 of enrichment-requests: each call gets its request body, not the event.
      record(
          temporal,
          out,
          "payment-enrichment-requests",
          Events.payment("stripe:evt_hist_requests")
              .eventType("subscription.charge_failed")
              .status("succeeded")
              .build());
      record(
          temporal,
          out,
          "payment-validation-failed",
          Events.payment("stripe:evt_hist_invalid").amountCents(-5L).build());
      temporal.persistence.rejectPersist();
      // The backstop's review exists already: payment-persist-quarantined started it at the same
      // coordinates (as when the event's workflow failed once after starting it).
      record(
          temporal,
          out,
          "payment-backstop-review-exists",
          Events.payment("stripe:evt_hist_review_exists").build());
      // A reprocess whose row is refused: the outcome goes onto the reviewed row.
      PaymentEvent reprocessed = Events.payment("stripe:evt_hist_reprocess_refused").build();
      temporal
          .newPayment(reprocessed.eventId())
          .process(reprocessed, PaymentSource.reprocessOf(Events.SOURCE.readAt()));
      write(temporal, out, "payment-reprocess-refused", WorkflowIds.payment(reprocessed.eventId()));
    }
    if (args.length == 2) {
      reviewRacingTheWindow(args[1], out, "review-decision-races-timer-outcomes");
    }
    System.exit(0);
  }

  /** A decision sent as an Update, answered with its outcome. */
  private static void decidedBy(TemporalFixture temporal, Path out, String name, long offset)
      throws IOException {
    KafkaCoordinates readAt = new KafkaCoordinates("payments.validation.dlq", 0, offset);
    String workflowId = WorkflowIds.review(readAt);
    WorkflowClient.start(
        temporal.newReview(workflowId)::review, QuarantineRecords.unparseable(readAt));
    DLQReviewWorkflow review = temporal.client.newWorkflowStub(DLQReviewWorkflow.class, workflowId);
    await().atMost(Duration.ofSeconds(30)).until(() -> "awaiting_review".equals(review.status()));
    review.submitDecision(
        new ReviewDecision(
            Resolution.REPROCESS, "erin", Events.payment("stripe:evt_hist_update").build()));
    WorkflowStub.fromTyped(review).getResult(ReviewOutcome.class);
    write(temporal, out, name, workflowId);
  }

  private static void record(TemporalFixture temporal, Path out, String name, PaymentEvent event)
      throws IOException {
    temporal.newPayment(event.eventId()).process(event, Events.SOURCE);
    write(temporal, out, name, WorkflowIds.payment(event.eventId()));
  }

  /** A corrected event PostgreSQL could not store is refused; the next decision is taken. */
  private static void refusedThenDecided(
      TemporalFixture temporal, Path out, String name, long offset) throws IOException {
    KafkaCoordinates readAt = new KafkaCoordinates("payments.validation.dlq", 0, offset);
    String workflowId = WorkflowIds.review(readAt);
    WorkflowClient.start(
        temporal.newReview(workflowId)::review, QuarantineRecords.unparseable(readAt));
    DLQReviewWorkflow review = temporal.client.newWorkflowStub(DLQReviewWorkflow.class, workflowId);
    PaymentEvent unstorable = Events.payment("stripe:evt_hist_refused").currency("USDX").build();
    review.decide(new ReviewDecision(Resolution.REPROCESS, "dave", unstorable));
    await().atMost(Duration.ofSeconds(30)).until(() -> review.decisions().size() == 1);
    review.decide(new ReviewDecision(Resolution.DISCARD, "dave", null));
    WorkflowStub.fromTyped(review).getResult(ReviewOutcome.class);
    write(temporal, out, name, workflowId);
  }

  /**
   * A decision that reaches the workflow in the same workflow task as its review window's timer:
   * with no worker polling, the window passes and the signal arrives; then a new worker picks up
   * one workflow task holding both. On a real server (the test server never moves a task off a
   * stopped worker's sticky queue, the real one does after its sticky timeout), with a short
   * window: the window's length does not matter on replay.
   */
  private static void reviewRacingTheWindow(String target, Path out, String name)
      throws IOException, InterruptedException {
    Duration window = Duration.ofSeconds(2);
    WorkflowServiceStubs service =
        WorkflowServiceStubs.newServiceStubs(
            WorkflowServiceStubsOptions.newBuilder().setTarget(target).build());
    WorkflowClient client = WorkflowClient.newInstance(service);
    FakePersistence persistence = new FakePersistence();
    KafkaCoordinates readAt =
        new KafkaCoordinates("payments.validation.dlq", 0, System.currentTimeMillis());
    String workflowId = WorkflowIds.review(readAt);
    WorkerFactory first = workers(client, window, persistence);
    WorkflowClient.start(
        client.newWorkflowStub(DLQReviewWorkflow.class, TemporalFixture.bridgeOptions(workflowId))
            ::review,
        QuarantineRecords.unparseable(readAt));
    DLQReviewWorkflow review = client.newWorkflowStub(DLQReviewWorkflow.class, workflowId);
    await().atMost(Duration.ofSeconds(30)).until(() -> "awaiting_review".equals(review.status()));
    first.shutdownNow();
    first.awaitTermination(10, TimeUnit.SECONDS);
    // The window's timer fires with no worker; then the decision arrives; both wait for a worker.
    Thread.sleep(window.plusSeconds(1).toMillis());
    review.decide(new ReviewDecision(Resolution.DISCARD, "carol", null));
    // Past the sticky queue's schedule-to-start timeout, the task is on the normal queue.
    Thread.sleep(Duration.ofSeconds(7).toMillis());
    WorkerFactory second = workers(client, window, persistence);
    WorkflowStub.fromTyped(review).getResult(ReviewOutcome.class);
    String json = client.fetchHistory(workflowId).toJson(true);
    Files.writeString(out.resolve(name + ".json"), json);
    System.out.println("Wrote " + out.resolve(name + ".json"));
    second.shutdownNow();
    service.shutdownNow();
  }

  private static WorkerFactory workers(
      WorkflowClient client, Duration window, FakePersistence persistence) {
    WorkerFactory factory = WorkerFactory.newInstance(client);
    WorkflowRegistration.register(
        factory.newWorker(TaskQueues.PAYMENT_PROCESSING),
        TemporalFixture.workflowOptions(),
        window,
        new ValidationActivitiesImpl(TemporalFixture.defaultRules()));
    factory.newWorker(TaskQueues.PERSISTENCE).registerActivitiesImplementations(persistence);
    factory.start();
    return factory;
  }

  private static void review(
      TemporalFixture temporal, Path out, String name, ReviewDecision decision, long offset)
      throws IOException {
    KafkaCoordinates readAt = new KafkaCoordinates("payments.validation.dlq", 0, offset);
    String workflowId = WorkflowIds.review(readAt);
    WorkflowClient.start(
        temporal.newReview(workflowId)::review, QuarantineRecords.unparseable(readAt));
    DLQReviewWorkflow review = temporal.client.newWorkflowStub(DLQReviewWorkflow.class, workflowId);
    if (decision != null) {
      review.decide(decision);
    }
    WorkflowStub.fromTyped(review).getResult(ReviewOutcome.class);
    write(temporal, out, name, workflowId);
  }

  private static void write(TemporalFixture temporal, Path out, String name, String workflowId)
      throws IOException {
    String json = temporal.client.fetchHistory(workflowId).toJson(true);
    Files.writeString(out.resolve(name + ".json"), json);
    System.out.println("Wrote " + out.resolve(name + ".json"));
  }
}
