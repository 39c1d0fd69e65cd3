package io.paymentflow.inference;

import io.paymentflow.contracts.event.PaymentEvent;
import java.util.Map;

/** Payment events as the bridge would hand them over. */
final class Events {

  private Events() {}

  static PaymentEvent succeeded(String eventId) {
    return new PaymentEvent(
        eventId,
        "stripe",
        eventId.substring(eventId.indexOf(':') + 1),
        "payment.succeeded",
        "merch_9",
        "cus_123",
        4_999L,
        "USD",
        "card",
        "visa",
        "4242",
        "succeeded",
        null,
        null,
        Map.of(),
        "2026-01-05T10:00:00Z",
        "2026-01-05T10:00:01.123456+00:00",
        1);
  }

  static PaymentEvent failed(String eventId, String failureCode, Map<String, Object> metadata) {
    return new PaymentEvent(
        eventId,
        "stripe",
        eventId.substring(eventId.indexOf(':') + 1),
        "payment.failed",
        "merch_9",
        "cus_123",
        2_500L,
        "EUR",
        "card",
        "mastercard",
        "4444",
        "failed",
        failureCode,
        "The card was declined.",
        metadata,
        "2026-01-05T10:00:00Z",
        "2026-01-05T10:00:01.123456+00:00",
        1);
  }

  /** A guest payment: no customer, merchant, method or brand. */
  static PaymentEvent anonymous(String eventId) {
    return new PaymentEvent(
        eventId,
        "adyen",
        "psp_1",
        "payment.succeeded",
        null,
        null,
        100L,
        "GBP",
        null,
        null,
        null,
        "succeeded",
        null,
        null,
        null,
        "2026-01-05T10:00:00Z",
        "2026-01-05T10:00:01.123456+00:00",
        null);
  }
}
