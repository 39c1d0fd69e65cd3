package io.paymentflow.bridge.support;

import io.paymentflow.contracts.event.PaymentEvent;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Random;

/** Normalized payment events as the upstream normalizer writes them (CONTRACTS 1.1). */
public final class Events {

  public static String json(String eventId) {
    return """
        {"event_id":"%s","provider":"stripe","provider_event_id":"%s",\
        "event_type":"payment.succeeded","merchant_id":"merch_1","customer_id":"cus_1",\
        "amount_cents":2599,"currency":"USD","payment_method_type":"card","card_brand":"visa",\
        "card_last_four":"4242","status":"succeeded","failure_code":null,"failure_message":null,\
        "metadata":{"retry_attempt_count":1,"order":"ord_9"},\
        "provider_created_at":"2024-05-01T10:15:30Z",\
        "processed_at":"2024-05-01T10:15:31.123456+00:00","schema_version":1}"""
        .formatted(eventId, eventId.substring(eventId.indexOf(':') + 1));
  }

  public static byte[] bytes(String eventId) {
    return json(eventId).getBytes(StandardCharsets.UTF_8);
  }

  /**
   * A valid event whose metadata carries {@code letters} random letters besides: a large record, no
   * better compressed on the wire than real text.
   */
  public static byte[] padded(String eventId, int letters, Random random) {
    StringBuilder padding = new StringBuilder(letters);
    for (int i = 0; i < letters; i++) {
      padding.append((char) ('a' + random.nextInt(26)));
    }
    return json(eventId)
        .replace("\"order\":\"ord_9\"", "\"order\":\"ord_9\",\"note\":\"" + padding + "\"")
        .getBytes(StandardCharsets.UTF_8);
  }

  public static byte[] key(String eventId) {
    return eventId.getBytes(StandardCharsets.UTF_8);
  }

  private Events() {}

  /** A minimal valid event as the bridge reads it, with {@code metadata}. */
  public static PaymentEvent event(String eventId, Map<String, Object> metadata) {
    return new PaymentEvent(
        eventId,
        "stripe",
        eventId,
        "payment.succeeded",
        null,
        null,
        100L,
        "USD",
        null,
        null,
        null,
        "succeeded",
        null,
        null,
        metadata,
        "2024-05-01T10:15:30Z",
        "2024-05-01T10:15:31Z",
        1);
  }
}
