package io.paymentflow.inference;

import io.paymentflow.contracts.event.PaymentEvent;
import io.paymentflow.contracts.inference.FraudScore;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/**
 * A test-side workflow that asks the inference worker for one fraud score, as the real one does.
 */
@WorkflowInterface
public interface ScoringWorkflow {

  @WorkflowMethod
  FraudScore score(PaymentEvent event);
}
