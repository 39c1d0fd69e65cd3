package io.paymentflow.contracts.payment;

import io.paymentflow.contracts.event.PaymentEvent;
import io.paymentflow.contracts.event.PaymentSource;
import io.temporal.workflow.QueryMethod;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;
import java.math.BigDecimal;

/**
 * Validates, enriches and persists one payment event (CONTRACTS section 2.2). Its id is {@link
 * WorkflowIds#payment(String)}, so one event is processed at most once however often it arrives.
 */
@WorkflowInterface
public interface PaymentEventWorkflow {

  /**
   * @param source where the event came from, so a row PostgreSQL refuses is kept as a quarantine
   *     row instead; null only in workflows started before it existed, which then fail as before
   */
  @WorkflowMethod
  PaymentEventResult process(PaymentEvent event, PaymentSource source);

  /**
   * {@code initialized}, {@code validating}, {@code enriching}, {@code persisting}, {@code
   * completed}.
   */
  @QueryMethod
  String status();

  @QueryMethod
  BigDecimal fraudScore();

  @QueryMethod
  String retryStrategy();

  @QueryMethod
  BigDecimal churnScore();
}
