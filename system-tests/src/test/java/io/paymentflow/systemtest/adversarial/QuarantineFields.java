package io.paymentflow.systemtest.adversarial;

import io.paymentflow.systemtest.adversarial.JsonText.Raw;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Supplier;

/**
 * The fields of one quarantine payload from the normalizer (CONTRACTS 1.2): event ids absent, null,
 * fresh or shared with other records; original payloads of any text; then, through {@link
 * #breakOneField()}, one value the row could not hold exactly, or of the wrong type.
 */
final class QuarantineFields {

  private final SplittableRandom random;
  private final Map<String, Object> fields = new LinkedHashMap<>();
  private final String eventId;

  QuarantineFields(SplittableRandom random, Supplier<String> freshEventId, List<String> known) {
    this.random = random;
    eventId =
        switch (random.nextInt(4)) {
          case 0 -> null;
          case 1 -> known.isEmpty() ? freshEventId.get() : known.get(random.nextInt(known.size()));
          default -> freshEventId.get();
        };
    if (eventId != null || random.nextBoolean()) {
      fields.put("event_id", eventId);
    }
    fields.put("provider", Values.text(random));
    fields.put("provider_event_id", random.nextBoolean() ? null : Values.text(random));
    fields.put(
        "original_payload",
        random.nextInt(10) == 0 ? Values.longText(random, 20_000) : Values.text(random));
    List<Object> errors = new ArrayList<>();
    int count = random.nextInt(4);
    for (int i = 0; i < count; i++) {
      Map<String, Object> error = new LinkedHashMap<>();
      error.put("field", Values.text(random));
      error.put("code", Values.ascii(random, 8).toUpperCase(java.util.Locale.ROOT));
      error.put("message", Values.text(random));
      errors.add(error);
    }
    fields.put("validation_errors", errors);
    fields.put("failure_reason", random.nextBoolean() ? "INVALID_CURRENCY" : Values.text(random));
    fields.put("source_topic", random.nextBoolean() ? null : "webhooks." + Values.ascii(random, 6));
    fields.put("kafka_partition", new Raw(Integer.toString(random.nextInt())));
    fields.put("kafka_offset", new Raw(Long.toString(random.nextLong())));
    fields.put("quarantined_at", random.nextInt(5) == 0 ? null : Values.timestamp(random));
    fields.put("schema_version", new Raw("1"));
  }

  String eventId() {
    return eventId;
  }

  String json() {
    return JsonText.value(fields);
  }

  String breakOneField() {
    switch (random.nextInt(6)) {
      case 0 -> {
        fields.put("original_payload", Values.unstorableText(random));
        return "unstorable original_payload";
      }
      case 1 -> {
        fields.put("quarantined_at", Values.badTimestamp(random));
        return "quarantined_at not storable";
      }
      case 2 -> {
        fields.put("provider", Values.unstorableText(random));
        return "unstorable provider";
      }
      case 3 -> {
        fields.put("kafka_partition", new Raw("4294967296"));
        return "kafka_partition past int";
      }
      case 4 -> {
        fields.put("validation_errors", new Raw("[\"not an object\", 3]"));
        return "validation_errors of the wrong shape";
      }
      default -> {
        if (random.nextBoolean()) {
          fields.remove("original_payload");
        } else {
          fields.put("original_payload", new Raw("{\"an\":\"object\"}"));
        }
        return "original_payload missing or not a string";
      }
    }
  }
}
