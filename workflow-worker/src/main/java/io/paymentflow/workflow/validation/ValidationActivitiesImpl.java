package io.paymentflow.workflow.validation;

import io.paymentflow.contracts.event.PaymentEvent;
import io.paymentflow.contracts.payment.ValidationResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.stereotype.Component;

/** Registered on the workflow worker only, and called only as a local activity. */
@Component
public class ValidationActivitiesImpl implements ValidationActivities {

  private static final Logger log = LoggerFactory.getLogger(ValidationActivitiesImpl.class);

  private final BusinessRules rules;

  public ValidationActivitiesImpl(BusinessRulesProperties properties) {
    this.rules = new BusinessRules(properties);
  }

  @Override
  public ValidationResult validateBusinessRules(PaymentEvent event) {
    try (MDC.MDCCloseable ignored = MDC.putCloseable("event_id", event.eventId())) {
      ValidationResult result = rules.validate(event);
      if (!result.errors().isEmpty()) {
        log.info("Event failed business rules: {}", result.errors());
      }
      return result;
    }
  }
}
