package io.paymentflow.persistence;

import io.paymentflow.contracts.event.KafkaCoordinates;
import io.paymentflow.contracts.event.QuarantinedRecord;
import io.paymentflow.contracts.persistence.EnrichedPaymentEvent;
import io.paymentflow.contracts.persistence.PersistenceActivities;
import io.paymentflow.contracts.review.ReviewDecision;
import io.temporal.activity.ActivityOptions;
import io.temporal.common.RetryOptions;
import io.temporal.workflow.Workflow;
import java.time.Duration;

/** Retries fast and only three times, so a test sees retryable failures end. */
public class PersistingWorkflowImpl implements PersistingWorkflow {

  @Override
  public void persist(
      String persistenceTaskQueue,
      EnrichedPaymentEvent event,
      QuarantinedRecord record,
      KafkaCoordinates reviewAt,
      ReviewDecision decision) {
    PersistenceActivities activities =
        Workflow.newActivityStub(
            PersistenceActivities.class,
            ActivityOptions.newBuilder()
                .setTaskQueue(persistenceTaskQueue)
                .setStartToCloseTimeout(Duration.ofSeconds(30))
                .setRetryOptions(
                    RetryOptions.newBuilder()
                        .setInitialInterval(Duration.ofMillis(100))
                        .setMaximumAttempts(3)
                        .build())
                .build());
    if (event != null) {
      activities.persistPaymentEvent(event);
    }
    if (record != null) {
      activities.persistQuarantine(record);
    }
    if (decision != null) {
      activities.recordReview(reviewAt, decision);
    }
  }
}
