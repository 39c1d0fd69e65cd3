package io.paymentflow.bridge.start;

import io.paymentflow.contracts.event.KafkaCoordinates;
import io.paymentflow.contracts.event.PaymentEvent;
import io.paymentflow.contracts.event.PaymentSource;
import io.paymentflow.contracts.event.QuarantinedRecord;
import io.paymentflow.contracts.payment.PaymentEventWorkflow;
import io.paymentflow.contracts.payment.WorkflowIds;
import io.paymentflow.contracts.review.DLQReviewWorkflow;
import io.temporal.common.metadata.POJOWorkflowInterfaceMetadata;

/**
 * One workflow to start for one Kafka record: its type, its id (the idempotency key, CONTRACTS 2.1)
 * and its arguments.
 *
 * @param event the payment event of a payment start, else null
 * @param record the quarantined record of a review start, else null
 * @param readAt where the bridge read the record
 */
public record WorkflowStart(
    String workflowType,
    String workflowId,
    PaymentEvent event,
    QuarantinedRecord record,
    KafkaCoordinates readAt) {

  /**
   * The type names the SDK gives the contract's interfaces (their simple names, unless renamed).
   */
  static final String PAYMENT_TYPE = typeOf(PaymentEventWorkflow.class);

  static final String REVIEW_TYPE = typeOf(DLQReviewWorkflow.class);

  public static WorkflowStart payment(PaymentEvent event, KafkaCoordinates readAt) {
    return new WorkflowStart(
        PAYMENT_TYPE, WorkflowIds.payment(event.eventId()), event, null, readAt);
  }

  public static WorkflowStart review(QuarantinedRecord record) {
    return new WorkflowStart(
        REVIEW_TYPE, WorkflowIds.review(record.readAt()), null, record, record.readAt());
  }

  /** The workflow method's arguments, in order. */
  public Object[] arguments() {
    return event != null
        ? new Object[] {event, PaymentSource.kafka(readAt)}
        : new Object[] {record};
  }

  /** For logs; null when the record had no usable event id. */
  public String eventId() {
    return event != null ? event.eventId() : record.eventId();
  }

  private static String typeOf(Class<?> workflowInterface) {
    return POJOWorkflowInterfaceMetadata.newInstance(workflowInterface)
        .getWorkflowMethod()
        .orElseThrow()
        .getName();
  }
}
