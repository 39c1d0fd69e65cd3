package io.paymentflow.bridge.support;

import io.paymentflow.contracts.event.QuarantinedRecord;
import io.paymentflow.contracts.review.DLQReviewWorkflow;
import io.paymentflow.contracts.review.DecisionReceipt;
import io.paymentflow.contracts.review.ReviewDecision;
import io.paymentflow.contracts.review.ReviewOutcome;
import io.temporal.workflow.Workflow;
import io.temporal.workflow.unsafe.WorkflowUnsafe;
import java.util.List;

/** Records the quarantined record it was started with, then completes without a review. */
public class RecordingReviewWorkflow implements DLQReviewWorkflow {

  private final ExecutionRecorder recorder;

  public RecordingReviewWorkflow(ExecutionRecorder recorder) {
    this.recorder = recorder;
  }

  @Override
  public ReviewOutcome review(QuarantinedRecord record) {
    if (!WorkflowUnsafe.isReplaying()) {
      recorder.reviewed(Workflow.getInfo().getWorkflowId(), Workflow.getInfo().getRunId(), record);
    }
    return new ReviewOutcome(null, null, null, null);
  }

  @Override
  public ReviewOutcome submitDecision(ReviewDecision decision) {
    return new ReviewOutcome(null, null, null, null);
  }

  @Override
  public void validateDecision(ReviewDecision decision) {}

  @Override
  public void decide(ReviewDecision decision) {}

  @Override
  public String status() {
    return "completed";
  }

  @Override
  public List<DecisionReceipt> decisions() {
    return List.of();
  }
}
