package io.paymentflow.systemtest.adversarial;

import io.paymentflow.standin.InferenceStandIn;
import io.paymentflow.systemtest.adversarial.JsonText.Raw;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Supplier;

/**
 * The fields of one normalized payment event (CONTRACTS 1.1), every one drawn from storable values
 * of every odd kind; {@link #breakOneField()} then makes one of them a value no column can hold, or
 * of the wrong type.
 */
final class EventFields {

  private static final String[] TEXT_FIELDS = {
    "provider",
    "provider_event_id",
    "event_type",
    "merchant_id",
    "customer_id",
    "payment_method_type",
    "card_brand",
    "card_last_four",
    "status",
    "failure_code",
    "failure_message"
  };

  private static final String[] STATUSES = {
    "succeeded", "failed", "captured", "requires_payment_method", "SUCCEEDED", "declined", ""
  };

  private static final String[] EVENT_TYPES = {
    "payment.succeeded",
    "payment.failed",
    "refund.created",
    "dispute.created",
    "subscription.charge_failed",
    "charge.captured"
  };

  private final SplittableRandom random;
  private final Map<String, Object> fields = new LinkedHashMap<>();
  private String eventId;

  EventFields(SplittableRandom random, Supplier<String> freshEventId) {
    this.random = random;
    eventId = freshEventId.get();
    fields.put("event_id", eventId);
    for (String field : TEXT_FIELDS) {
      if (random.nextInt(5) > 0) {
        fields.put(field, random.nextInt(4) == 0 ? null : Values.text(random));
      }
    }
    fields.put("status", pick(STATUSES, Values.text(random)));
    fields.put("event_type", pick(EVENT_TYPES, Values.text(random)));
    fields.put("customer_id", random.nextInt(4) == 0 ? null : "cus_" + Values.text(random));
    fields.put("amount_cents", new Raw(Long.toString(Values.amount(random))));
    fields.put("currency", currency());
    fields.put("metadata", metadata(random.nextInt(4)));
    fields.put("provider_created_at", Values.timestamp(random));
    fields.put("processed_at", Values.timestamp(random));
    if (random.nextBoolean()) {
      fields.put("schema_version", new Raw(Integer.toString(random.nextInt())));
    }
    if (random.nextInt(5) == 0) {
      fields.put("unknown_" + Values.ascii(random, 5), Values.text(random));
    }
    if (random.nextInt(25) == 0) {
      // The stand-in answers this one with a NUL echoed into its answer, as a misbehaving
      // inference service might: the event must still become its row, degraded, not quarantined.
      fields.put(random.nextBoolean() ? "merchant_id" : "failure_code", InferenceStandIn.ECHO_NUL);
    }
  }

  /**
   * Makes the event select exactly these enrichments (CONTRACTS 2.2): a successful payment is
   * scored for fraud, a failed charge gets a retry strategy, a customer gets a churn prediction.
   */
  void enrichments(boolean fraud, boolean retry, boolean churn) {
    fields.put("status", fraud ? "succeeded" : retry ? "failed" : "pending");
    fields.put(
        "event_type",
        fraud && retry
            ? "subscription.charge_failed"
            : retry ? "payment.failed" : "payment.succeeded");
    fields.put("customer_id", churn ? "cus_" + Values.ascii(random, 8) : null);
  }

  /** A metadata text of {@code text}: only the persist activity carries it, once. */
  void metadataNote(String text) {
    Map<String, Object> metadata = new LinkedHashMap<>();
    metadata.put("note", text);
    fields.put("metadata", metadata);
  }

  String eventId() {
    return eventId;
  }

  void failureMessage(String text) {
    fields.put("failure_message", text);
  }

  String json() {
    return JsonText.value(fields);
  }

  /** Makes one field unstorable or of the wrong type; returns what was done, for reports. */
  String breakOneField() {
    switch (random.nextInt(12)) {
      case 0 -> {
        int length = 248 + random.nextInt(300);
        eventId = Values.padTo(random, eventId + "-", length);
        fields.put("event_id", eventId);
        return "event_id of " + length + " characters";
      }
      case 1 -> {
        eventId = Values.unstorableText(random) + eventId;
        fields.put("event_id", eventId);
        return "unstorable event_id";
      }
      case 2 -> {
        eventId = null;
        if (random.nextBoolean()) {
          fields.remove("event_id");
        } else {
          fields.put("event_id", random.nextBoolean() ? "  " : new Raw("12345"));
        }
        return "no usable event_id";
      }
      case 3 -> {
        String field = TEXT_FIELDS[random.nextInt(TEXT_FIELDS.length)];
        fields.put(field, Values.unstorableText(random));
        return "unstorable " + field;
      }
      case 4 -> {
        String field = TEXT_FIELDS[random.nextInt(TEXT_FIELDS.length)];
        fields.put(field, wrongType());
        return "wrong type of " + field;
      }
      case 5 -> {
        fields.put(
            "amount_cents",
            new Raw(
                pick(
                    new String[] {"12.5", "1e3", "\"100\"", "9223372036854775808", "[1]"},
                    "-1.0")));
        return "amount_cents not a bigint";
      }
      case 6 -> {
        fields.put(
            "currency",
            random.nextBoolean()
                ? Values.ascii(random, pick(new Integer[] {0, 1, 2, 4, 10}, 5))
                : "U\u0000D");
        return "currency not char(3)";
      }
      case 7 -> {
        String field = random.nextBoolean() ? "provider_created_at" : "processed_at";
        fields.put(field, Values.badTimestamp(random));
        return "timestamp " + field + " not storable";
      }
      case 8 -> {
        Map<String, Object> metadata = metadata(1);
        metadata.put("k\u0000" + Values.ascii(random, 3), "v");
        fields.put("metadata", metadata);
        return "NUL in a metadata key";
      }
      case 9 -> {
        Map<String, Object> metadata = metadata(2);
        metadata.put(
            "n",
            new Raw(
                pick(
                    new String[] {
                      // past jsonb's numeric
                      "1e200000",
                      "1e-20000",
                      "1e131072",
                      "1e-16384",
                      // past what Temporal's converter reads back once it has written it
                      "9".repeat(998) + "e1",
                      "9".repeat(999) + "e1",
                      // past what the bridge reads at all: an unreadable record
                      "9".repeat(1000) + "e1"
                    },
                    "-" + "9".repeat(999) + "e1")));
        fields.put("metadata", metadata);
        return "metadata number past a writer's limit";
      }
      case 10 -> {
        Map<String, Object> metadata = metadata(1);
        metadata.put(
            "retry_attempt_count",
            new Raw(pick(new String[] {"\"3\"", "2.5", "3000000000", "-99999999999"}, "1e2")));
        fields.put("metadata", metadata);
        return "retry_attempt_count not a 32-bit integer";
      }
      default -> {
        fields.put(
            random.nextBoolean() ? "metadata" : "schema_version",
            new Raw(pick(new String[] {"[]", "\"x\"", "4294967296", "1.5", "true"}, "{}x")));
        return "wrong type of metadata or schema_version";
      }
    }
  }

  private Object wrongType() {
    return new Raw(pick(new String[] {"42", "{\"a\":1}", "[\"x\"]", "true", "-0.0"}, "{}"));
  }

  private String currency() {
    return switch (random.nextInt(6)) {
      case 0 -> null;
      case 1 -> Values.mixed(random, 3);
      case 2 -> "usd";
      default -> pick(new String[] {"USD", "EUR", "JPY", "GBP", "XXX"}, "CHF");
    };
  }

  /** Metadata: nested maps and lists of every JSON kind, numbers jsonb holds, odd keys. */
  private Map<String, Object> metadata(int depth) {
    Map<String, Object> metadata = new LinkedHashMap<>();
    int size = random.nextInt(6);
    for (int i = 0; i < size; i++) {
      String key =
          switch (random.nextInt(5)) {
            case 0 -> "";
            case 1 -> Values.mixed(random, 1 + random.nextInt(10));
            case 2 -> "a.b[0]";
            default -> Values.ascii(random, 1 + random.nextInt(8));
          };
      metadata.put(key, metadataValue(depth));
    }
    if (random.nextInt(3) == 0) {
      metadata.put(
          "retry_attempt_count",
          new Raw(Integer.toString(pick(new Integer[] {0, -5, 1, 7, Integer.MAX_VALUE}, -1))));
    }
    return metadata;
  }

  private Object metadataValue(int depth) {
    switch (random.nextInt(depth > 0 ? 9 : 7)) {
      case 0 -> {
        return null;
      }
      case 1 -> {
        return random.nextBoolean();
      }
      case 2 -> {
        return new Raw(
            pick(
                new String[] {
                  "0.1234567890123456789012345",
                  "1e400",
                  "-1E-300",
                  "123456789012345678901234567890",
                  "-0",
                  "1" + "0".repeat(900),
                  // at every writer's limit: plain notation's old ±9999, jsonb's, the converter's
                  "1e10000",
                  "1e-10000",
                  "-1e-16383",
                  "1e131071",
                  "9".repeat(997) + "e1",
                  "9".repeat(1000)
                },
                Long.toString(random.nextLong())));
      }
      case 3, 4 -> {
        return Values.text(random);
      }
      case 5 -> {
        return new Raw(Double.toString(random.nextDouble() * 1e6));
      }
      case 6 -> {
        return List.of();
      }
      case 7 -> {
        List<Object> list = new ArrayList<>();
        int size = random.nextInt(4);
        for (int i = 0; i < size; i++) {
          list.add(metadataValue(depth - 1));
        }
        return list;
      }
      default -> {
        return metadata(depth - 1);
      }
    }
  }

  private <T> T pick(T[] values, T otherwise) {
    int i = random.nextInt(values.length + 1);
    return i == values.length ? otherwise : values[i];
  }
}
