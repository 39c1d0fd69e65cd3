package io.paymentflow.localrun;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.paymentflow.localrun.DemoRecord.Kind;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A realistic, reproducible mix of what production sends: successes, failures of several codes,
 * refunds, disputes, guest checkouts, blocklisted customers, odd currencies, duplicates (some long
 * after the original), poison records and the normalizer's quarantine payloads.
 */
public final class DemoEvents {

  private static final String[] PROVIDERS = {"stripe", "square", "adyen", "braintree"};
  private static final String[] FAILURE_CODES = {
    "card_declined", "insufficient_funds", "processing_error", "expired_card", "fraudulent"
  };
  private static final DateTimeFormatter MICROS =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSSxxx").withZone(ZoneOffset.UTC);

  private final ObjectMapper json = new ObjectMapper();
  private final String runId;
  private final String inputTopic;
  private final String dlqTopic;
  private final Random random;

  public DemoEvents(String runId, String inputTopic, String dlqTopic, long seed) {
    this.runId = runId;
    this.inputTopic = inputTopic;
    this.dlqTopic = dlqTopic;
    this.random = new Random(seed);
  }

  /** {@code count} records in publishing order. */
  public List<DemoRecord> generate(int count) {
    List<DemoRecord> records = new ArrayList<>(count);
    List<DemoRecord> payments = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      int roll = random.nextInt(100);
      DemoRecord record;
      if (roll < 6 && !payments.isEmpty()) {
        DemoRecord original = payments.get(random.nextInt(payments.size()));
        record =
            new DemoRecord(
                Kind.DUPLICATE, inputTopic, original.key(), original.value(), original.eventId());
      } else if (roll < 9) {
        record = poison(i);
      } else if (roll < 12) {
        record = dlqPayload(i);
      } else {
        record = payment(i, roll);
        payments.add(record);
      }
      records.add(record);
    }
    return records;
  }

  /** Every event id of this run contains this marker, so the demo can count its own rows. */
  public String eventIdMarker() {
    return ":demo-" + runId + "-";
  }

  private DemoRecord payment(int i, int roll) {
    String provider = PROVIDERS[i % PROVIDERS.length];
    String eventId = provider + eventIdMarker() + i;
    Map<String, Object> e = new LinkedHashMap<>();
    e.put("event_id", eventId);
    e.put("provider", provider);
    e.put("provider_event_id", "demo-" + runId + "-" + i);
    e.put("merchant_id", roll == 12 ? "merch_blocked_001" : "merch_" + (100 + random.nextInt(20)));
    e.put("customer_id", roll < 20 ? null : customer(roll));
    e.put("amount_cents", (long) (100 + random.nextInt(2_000_000)));
    e.put("currency", roll == 13 ? "XYZ" : List.of("USD", "EUR", "GBP", "JPY").get(i % 4));
    e.put("payment_method_type", random.nextBoolean() ? "card" : "wallet");
    e.put("card_brand", "visa");
    e.put("card_last_four", String.format("%04d", random.nextInt(10_000)));
    e.put("failure_code", null);
    e.put("failure_message", null);
    e.put("metadata", Map.of("order_id", "ord_" + i, "note", "demo \"quoted\" ünïcødé ✓"));
    if (roll < 62) {
      e.put("event_type", roll % 2 == 0 ? "payment.succeeded" : "charge.captured");
      e.put("status", roll % 2 == 0 ? "succeeded" : "captured");
    } else if (roll < 82) {
      String code = FAILURE_CODES[random.nextInt(FAILURE_CODES.length)];
      boolean subscription = roll % 3 == 0;
      e.put("event_type", subscription ? "subscription.charge_failed" : "payment.failed");
      e.put("status", subscription ? "requires_payment_method" : "failed");
      e.put("failure_code", code);
      e.put("failure_message", "The payment failed: " + code);
      e.put("metadata", Map.of("retry_attempt_count", 1 + random.nextInt(4)));
    } else if (roll < 92) {
      e.put("event_type", "refund.created");
      e.put("status", "succeeded");
    } else {
      e.put("event_type", "dispute.created");
      e.put("status", "needs_response");
    }
    Instant created = Instant.parse("2026-11-01T00:00:00Z").plusSeconds(i * 37L);
    e.put("provider_created_at", i % 2 == 0 ? created.toString() : MICROS.format(created));
    e.put("processed_at", MICROS.format(created.plusMillis(1234)));
    e.put("schema_version", 1);
    return new DemoRecord(Kind.PAYMENT, inputTopic, utf8(eventId), toJson(e), eventId);
  }

  private String customer(int roll) {
    return roll == 21 ? "cus_blocked_001" : "cus_" + (1000 + random.nextInt(300));
  }

  private DemoRecord poison(int i) {
    byte[] value =
        switch (i % 4) {
          case 0 ->
              utf8("{\"event_id\": \"stripe" + eventIdMarker() + i + "\", \"amount_cents\": ");
          case 1 -> new byte[] {'{', '"', (byte) 0xC3, (byte) 0x28, '"', ':', '1', '}'};
          case 2 -> utf8("{\"provider\":\"stripe\",\"amount_cents\":100,\"currency\":\"USD\"}");
          default -> utf8("[\"not\", \"an\", \"object\", " + i + "]");
        };
    return new DemoRecord(Kind.POISON, inputTopic, null, value, null);
  }

  private DemoRecord dlqPayload(int i) {
    String provider = PROVIDERS[i % PROVIDERS.length];
    boolean known = i % 3 != 0;
    Map<String, Object> q = new LinkedHashMap<>();
    q.put("event_id", known ? provider + ":dlq-" + runId + "-" + i : null);
    q.put("provider", provider);
    q.put("provider_event_id", known ? "dlq-" + runId + "-" + i : null);
    q.put(
        "original_payload",
        "{\"id\":\"evt_" + i + "\",\"data\":{\"object\":{\"currency\":\"??\"}}}");
    q.put(
        "validation_errors",
        List.of(
            Map.of(
                "field", "data.object.currency",
                "code", "INVALID_CURRENCY",
                "message", "currency '??' is not ISO-4217")));
    q.put("failure_reason", "INVALID_CURRENCY");
    q.put("source_topic", "payments.raw." + provider);
    q.put("kafka_partition", i % 3);
    q.put("kafka_offset", 10_000L + i);
    q.put("quarantined_at", MICROS.format(Instant.parse("2026-11-01T00:00:00Z").plusSeconds(i)));
    q.put("schema_version", 1);
    return new DemoRecord(Kind.DLQ_PAYLOAD, dlqTopic, utf8(provider), toJson(q), null);
  }

  private byte[] toJson(Map<String, Object> value) {
    try {
      return json.writeValueAsBytes(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
