package io.paymentflow.bridge.start;

import io.paymentflow.contracts.event.PaymentEvent;
import io.paymentflow.contracts.event.QuarantinedRecord;
import io.paymentflow.contracts.payment.PaymentEventWorkflow;
import io.paymentflow.contracts.payment.WorkflowIds;
import io.paymentflow.contracts.review.DLQReviewWorkflow;
import io.temporal.common.metadata.POJOWorkflowInterfaceMetadata;

/**
 * One workflow to start for one Kafka record: its type, its id (the idempotency key, CONTRACTS 2.1)
 * and its single argument.
 *
 * @param eventId for logs; null when the record had no usable event id
 */
public record WorkflowStart(
    String workflowType, String workflowId, Object argument, String eventId) {

  /**
   * The type names the SDK gives the contract's interfaces (their simple names, unless renamed).
   */
  static final String PAYMENT_TYPE = typeOf(PaymentEventWorkflow.class);

  static final String REVIEW_TYPE = typeOf(DLQReviewWorkflow.class);

  public static WorkflowStart payment(PaymentEvent event) {
    return new WorkflowStart(
        PAYMENT_TYPE, WorkflowIds.payment(event.eventId()), event, event.eventId());
  }

  public static WorkflowStart review(QuarantinedRecord record) {
    return new WorkflowStart(
        REVIEW_TYPE,
        WorkflowIds.review(record.eventId(), record.readAt()),
        record,
        record.eventId());
  }

  private static String typeOf(Class<?> workflowInterface) {
    return POJOWorkflowInterfaceMetadata.newInstance(workflowInterface)
        .getWorkflowMethod()
        .orElseThrow()
        .getName();
  }
}
