package io.paymentflow.workflow.support;

import io.paymentflow.contracts.event.KafkaCoordinates;
import io.paymentflow.contracts.event.PaymentEvent;
import io.paymentflow.contracts.event.PaymentSource;
import java.util.Map;

/** Test events: a valid successful card payment by default, changed one field at a time. */
public final class Events {

  /** Where the bridge read the test events, as it tells every payment workflow. */
  public static final PaymentSource SOURCE =
      PaymentSource.kafka(new KafkaCoordinates("payments.normalized", 0, 42));

  private String eventId;
  private String provider = "stripe";
  private String eventType = "payment.succeeded";
  private String merchantId = "merch_001";
  private String customerId = "cus_001";
  private Long amountCents = 2_500L;
  private String currency = "USD";
  private String status = "succeeded";
  private String failureCode;

  private Events(String eventId) {
    this.eventId = eventId;
  }

  public static Events payment(String eventId) {
    return new Events(eventId);
  }

  public Events eventId(String value) {
    eventId = value;
    return this;
  }

  public Events provider(String value) {
    provider = value;
    return this;
  }

  public Events eventType(String value) {
    eventType = value;
    return this;
  }

  public Events merchantId(String value) {
    merchantId = value;
    return this;
  }

  public Events customerId(String value) {
    customerId = value;
    return this;
  }

  public Events amountCents(Long value) {
    amountCents = value;
    return this;
  }

  public Events currency(String value) {
    currency = value;
    return this;
  }

  public Events status(String value) {
    status = value;
    return this;
  }

  /** A declined card payment. */
  public Events failed() {
    eventType = "payment.failed";
    status = "failed";
    failureCode = "card_declined";
    return this;
  }

  public PaymentEvent build() {
    return new PaymentEvent(
        eventId,
        provider,
        eventId == null ? null : eventId.substring(eventId.indexOf(':') + 1),
        eventType,
        merchantId,
        customerId,
        amountCents,
        currency,
        "card",
        "visa",
        "4242",
        status,
        failureCode,
        failureCode == null ? null : "Your card was declined.",
        Map.of("retry_attempt_count", 2),
        "2026-01-15T10:00:00Z",
        "2026-01-15T10:00:01.123456+00:00",
        1);
  }
}
