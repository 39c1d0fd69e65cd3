package io.paymentflow.persistence;

import io.paymentflow.contracts.event.KafkaCoordinates;
import io.paymentflow.contracts.event.QuarantinedRecord;
import io.paymentflow.contracts.persistence.EnrichedPaymentEvent;
import io.paymentflow.contracts.review.ReviewDecision;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/**
 * A test stand-in for the real workflows: calls the persistence activities on the given queue the
 * way they do. A null argument skips that call.
 */
@WorkflowInterface
public interface PersistingWorkflow {

  @WorkflowMethod
  void persist(
      String persistenceTaskQueue,
      EnrichedPaymentEvent event,
      QuarantinedRecord record,
      KafkaCoordinates reviewAt,
      ReviewDecision decision);
}
