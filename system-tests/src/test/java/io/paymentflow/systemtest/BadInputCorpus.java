package io.paymentflow.systemtest;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Records no normalizer should send, and some it legitimately sends that look odd, for both topics.
 * Each says what it must become: a payment row stored exactly as sent, or a quarantine row keeping
 * its raw bytes.
 */
final class BadInputCorpus {

  /** What a corpus record must end as. */
  enum Outcome {
    ROW,
    QUARANTINE,
    /** Readable, but incomplete in a way either a row (failed validation) or quarantine fits. */
    ROW_OR_QUARANTINE
  }

  /**
   * @param eventId the event id of a record expected to become a row, else null
   * @param failureReason the failure_reason its quarantine row must have, or null for any
   * @param storedPayload what its quarantine row's original_payload must hold: the raw value as
   *     text, its base64 for bytes that are not UTF-8, the normalizer's original for a DLQ payload;
   *     null where the bridge need not keep it whole (over the size bound)
   */
  record Item(
      String description,
      String topic,
      byte[] value,
      Outcome outcome,
      String eventId,
      String failureReason,
      String storedPayload) {}

  static final String SQL_LOOKING = "'); DROP TABLE payment_events; -- \" OR 1=1; /* */";
  static final String UNICODE = "ünïcødé ✓ 😀 עברית \u0301e\u0301 漢字";

  private BadInputCorpus() {}

  static List<Item> build(String run, String input, String dlq) {
    String id = "stripe:bad-" + run + "-";
    List<Item> items = new ArrayList<>();
    items.add(quarantine("truncated JSON", input, "{\"event_id\":\"" + id + "t\",\"amount", null));
    items.add(
        bytes(
            "invalid UTF-8",
            input,
            new byte[] {'{', '"', 'e', '"', ':', '"', (byte) 0xFF, (byte) 0xFE, '"', '}'}));
    items.add(quarantine("JSON array", input, "[1, 2, 3]", "INVALID_JSON"));
    items.add(quarantine("JSON string", input, "\"just a string\"", "INVALID_JSON"));
    items.add(quarantine("JSON null", input, "null", "INVALID_JSON"));
    items.add(quarantine("empty value", input, "", "INVALID_JSON"));
    items.add(quarantine("whitespace value", input, "   \n ", "INVALID_JSON"));
    items.add(quarantine("missing event_id", input, event(null, "\"status\":\"succeeded\""), null));
    items.add(quarantine("blank event_id", input, event("  ", "\"status\":\"succeeded\""), null));
    items.add(quarantine("event_id over 255 chars", input, event(id + "x".repeat(300), ""), null));
    items.add(
        quarantine(
            "amount as a string",
            input,
            event(id + "s", "\"amount_cents\":\"12.50\"").replace("\"amount_cents\":1999,", ""),
            "INVALID_FIELD"));
    items.add(
        quarantine(
            "amount as a decimal",
            input,
            event(id + "d", "\"amount_cents\":12.5").replace("\"amount_cents\":1999,", ""),
            "INVALID_FIELD"));
    items.add(
        quarantine(
            "metadata not an object",
            input,
            event(id + "m", "\"metadata\":\"oops\""),
            "INVALID_FIELD"));
    items.add(
        quarantine(
            "currency a number",
            input,
            event(id + "c", "\"currency\":840").replace("\"currency\":\"USD\",", ""),
            "INVALID_FIELD"));
    items.add(
        new Item(
            "record over the size bound (2 MiB)",
            input,
            utf8(
                event(
                    id + "huge",
                    "\"metadata\":{\"blob\":\"" + "A".repeat(2 * 1024 * 1024) + "\"}")),
            Outcome.QUARANTINE,
            null,
            "RECORD_TOO_LARGE",
            null));
    items.add(
        row(
            "SQL-looking and unicode text",
            id + "sql",
            input,
            event(
                id + "sql",
                "\"failure_message\":"
                    + json(SQL_LOOKING)
                    + ",\"card_brand\":"
                    + json(UNICODE)
                    + ",\"metadata\":{\"note\":"
                    + json(SQL_LOOKING + UNICODE)
                    + "}")));
    items.add(
        row(
            "unknown fields",
            id + "unknown",
            input,
            event(id + "unknown", "\"brand_new_field\":{\"x\":[1,2]},\"another\":true")));
    items.add(
        row(
            "large but allowed metadata (100 KB)",
            id + "big",
            input,
            event(id + "big", "\"metadata\":{\"blob\":\"" + "B".repeat(100_000) + "\"}")));
    items.add(
        row(
            "empty status (fails validation, still stored)",
            id + "empty-status",
            input,
            event(id + "empty-status", "\"status\":\"\"")));
    items.add(
        new Item(
            "missing amount and currency",
            input,
            utf8(
                "{\"event_id\":\""
                    + id
                    + "noamount\",\"provider\":\"stripe\",\"provider_event_id\":\"x\","
                    + "\"event_type\":\"payment.succeeded\",\"status\":\"succeeded\","
                    + "\"provider_created_at\":\"2026-11-28T10:00:00Z\","
                    + "\"processed_at\":\"2026-11-28T10:00:00.000001+00:00\"}"),
            Outcome.ROW_OR_QUARANTINE,
            id + "noamount",
            null,
            null));
    items.add(quarantine("DLQ: not JSON", dlq, "this is not json {", "INVALID_JSON"));
    items.add(bytes("DLQ: invalid UTF-8", dlq, new byte[] {(byte) 0xC0, (byte) 0xAF}));
    items.add(
        new Item(
            "DLQ: payload with SQL-looking original",
            dlq,
            utf8(
                "{\"event_id\":null,\"provider\":\"adyen\",\"original_payload\":"
                    + json(SQL_LOOKING + UNICODE)
                    + ",\"validation_errors\":[{\"field\":\"x\",\"code\":\"BAD\",\"message\":"
                    + json(SQL_LOOKING)
                    + "}],\"failure_reason\":\"BAD\",\"quarantined_at\":\"2026-11-28T10:00:00Z\","
                    + "\"schema_version\":1}"),
            Outcome.QUARANTINE,
            null,
            null,
            SQL_LOOKING + UNICODE));
    items.add(quarantine("DLQ: JSON array", dlq, "[]", null));
    return items;
  }

  /** A complete, valid event with {@code extra} fields overriding or adding to it. */
  static String event(String eventId, String extra) {
    StringBuilder json = new StringBuilder("{");
    if (eventId != null) {
      json.append("\"event_id\":").append(json(eventId)).append(',');
    }
    json.append(
        "\"provider\":\"stripe\",\"provider_event_id\":\"evt\",\"event_type\":\"payment.succeeded\","
            + "\"customer_id\":\"cus_corpus\",\"merchant_id\":\"merch_corpus\",\"amount_cents\":1999,"
            + "\"currency\":\"USD\",\"provider_created_at\":\"2026-11-28T10:00:00Z\","
            + "\"processed_at\":\"2026-11-28T10:00:00.123456+00:00\",\"schema_version\":1");
    if (!extra.contains("\"status\"")) {
      json.append(",\"status\":\"succeeded\"");
    }
    if (!extra.isEmpty()) {
      json.append(',').append(extra);
    }
    return json.append('}').toString();
  }

  static String json(String s) {
    StringBuilder out = new StringBuilder("\"");
    for (char c : s.toCharArray()) {
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('"').toString();
  }

  private static Item quarantine(String description, String topic, String value, String reason) {
    return new Item(description, topic, utf8(value), Outcome.QUARANTINE, null, reason, value);
  }

  private static Item bytes(String description, String topic, byte[] value) {
    return new Item(
        description,
        topic,
        value,
        Outcome.QUARANTINE,
        null,
        "INVALID_ENCODING",
        java.util.Base64.getEncoder().encodeToString(value));
  }

  private static Item row(String description, String eventId, String topic, String value) {
    return new Item(description, topic, utf8(value), Outcome.ROW, eventId, null, null);
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
