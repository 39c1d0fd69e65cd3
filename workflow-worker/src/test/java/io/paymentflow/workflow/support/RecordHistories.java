package io.paymentflow.workflow.support;

import io.paymentflow.contracts.event.KafkaCoordinates;
import io.paymentflow.contracts.event.PaymentEvent;
import io.paymentflow.contracts.payment.WorkflowIds;
import io.paymentflow.contracts.review.DLQReviewWorkflow;
import io.paymentflow.contracts.review.Resolution;
import io.paymentflow.contracts.review.ReviewDecision;
import io.paymentflow.contracts.review.ReviewOutcome;
import io.paymentflow.workflow.review.QuarantineRecords;
import io.paymentflow.workflow.support.FakeInference.Mode;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowStub;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Records the histories that {@code WorkflowReplayTest} replays, from the workflows as they are
 * now. Run it only when a workflow change is deliberate (and versioned with {@code
 * Workflow.getVersion}), and commit the new files beside the old ones; never overwrite a history
 * that running workflows may still have. From the repository root:
 *
 * <pre>
 * ./mvnw -B -q -f workflow-worker/pom.xml test-compile exec:java -Dexec.classpathScope=test \
 *   -Dexec.mainClass=io.paymentflow.workflow.support.RecordHistories \
 *   -Dexec.args=workflow-worker/src/test/resources/histories
 * </pre>
 */
public final class RecordHistories {

  private RecordHistories() {}

  public static void main(String[] args) throws IOException {
    if (args.length != 1) {
      throw new IllegalArgumentException("usage: RecordHistories <output directory>");
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

      // Expiry first: the test server stops skipping time once an abandoned child has completed.
      review(temporal, out, "review-expired", null, 8);
      PaymentEvent corrected = Events.payment("stripe:evt_hist_corrected").build();
      review(
          temporal,
          out,
          "review-reprocess",
          new ReviewDecision(Resolution.REPROCESS, "alice", corrected),
          7);
    }
    System.exit(0);
  }

  private static void record(TemporalFixture temporal, Path out, String name, PaymentEvent event)
      throws IOException {
    temporal.newPayment(event.eventId()).process(event);
    write(temporal, out, name, WorkflowIds.payment(event.eventId()));
  }

  private static void review(
      TemporalFixture temporal, Path out, String name, ReviewDecision decision, long offset)
      throws IOException {
    KafkaCoordinates readAt = new KafkaCoordinates("payments.validation.dlq", 0, offset);
    String workflowId = WorkflowIds.review(null, readAt);
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
