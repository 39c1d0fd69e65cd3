package io.paymentflow.workflow.payment;

import io.paymentflow.contracts.event.PaymentEvent;
import java.util.Locale;
import java.util.Set;

/**
 * Which enrichments apply to an event (CONTRACTS section 2.2). Status and event type are free text
 * from the providers, so they are compared whole and case-insensitively, never by substring: {@code
 * unsucceeded} is not {@code succeeded}. A null or blank status matches no status set.
 */
final class PaymentClassification {

  private static final Set<String> SUCCESSFUL =
      Set.of("succeeded", "captured", "settled", "approved", "authorized");

  private static final Set<String> FAILED =
      Set.of("failed", "declined", "requires_payment_method", "settlement_declined");

  private PaymentClassification() {}

  static boolean needsFraudScore(PaymentEvent event) {
    return SUCCESSFUL.contains(lower(event.status())) && !isRefundOrDispute(event);
  }

  static boolean needsRetryStrategy(PaymentEvent event) {
    String type = lower(event.eventType());
    boolean failedType = type.endsWith(".failed") || type.endsWith(".charge_failed");
    return (FAILED.contains(lower(event.status())) || failedType) && !isRefundOrDispute(event);
  }

  static boolean needsChurnPrediction(PaymentEvent event) {
    return event.customerId() != null && !event.customerId().isBlank();
  }

  private static boolean isRefundOrDispute(PaymentEvent event) {
    String type = lower(event.eventType());
    return type.startsWith("refund.") || type.startsWith("dispute.");
  }

  /** Lower case for comparison; null becomes "", which is in no set and has no prefix. */
  private static String lower(String value) {
    return value == null ? "" : value.toLowerCase(Locale.ROOT);
  }
}
