package io.paymentflow.inference;

import io.paymentflow.contracts.TaskQueues;
import io.paymentflow.contracts.event.PaymentEvent;
import io.paymentflow.contracts.inference.FraudScore;
import io.paymentflow.contracts.inference.InferenceActivities;
import io.temporal.activity.ActivityOptions;
import io.temporal.common.RetryOptions;
import io.temporal.workflow.Workflow;
import java.time.Duration;

/**
 * Calls {@code fraudScore} on the inference queue with one attempt only, so a test sees an
 * interrupted or failed activity instead of a retry hiding it.
 */
public class ScoringWorkflowImpl implements ScoringWorkflow {

  private final InferenceActivities inference =
      Workflow.newActivityStub(
          InferenceActivities.class,
          ActivityOptions.newBuilder()
              .setTaskQueue(TaskQueues.INFERENCE)
              .setStartToCloseTimeout(Duration.ofSeconds(30))
              .setRetryOptions(RetryOptions.newBuilder().setMaximumAttempts(1).build())
              .build());

  @Override
  public FraudScore score(PaymentEvent event) {
    return inference.fraudScore(event);
  }
}
