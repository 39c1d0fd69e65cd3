package io.paymentflow.workflow.validation;

import io.paymentflow.contracts.event.PaymentEvent;
import io.paymentflow.contracts.payment.ValidationResult;
import io.temporal.activity.ActivityInterface;

/**
 * Business-rule validation (CONTRACTS section 3), run as a local activity inside the workflow
 * worker. It is an activity rather than plain workflow code because its thresholds come from
 * configuration: recording the result in history keeps a workflow replayable after the rules
 * change. Activity type {@code ValidateBusinessRules}.
 */
@ActivityInterface
public interface ValidationActivities {

  ValidationResult validateBusinessRules(PaymentEvent event);
}
