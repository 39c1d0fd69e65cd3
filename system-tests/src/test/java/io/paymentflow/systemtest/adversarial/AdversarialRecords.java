package io.paymentflow.systemtest.adversarial;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Generates records for both topics from one seed, the same records for the same seed: payment
 * events and quarantine payloads whose every field is drawn from valid, odd and unstorable values
 * (NUL and other control characters, unpaired surrogates, huge and negative numbers, extreme
 * timestamps and offsets, lengths at and past each column's limit, deep nesting, wrong types,
 * non-ASCII-heavy text near the size bound, duplicate ids with other content), and bytes that are
 * no JSON at all. Each record says what it must become.
 */
public final class AdversarialRecords {

  /** A generated record and the row it must end as. */
  public record Generated(
      String topic, byte[] key, byte[] value, Expect expect, String eventId, String kind) {}

  /**
   * ROW: a {@code payment_events} row for its event id and no quarantine row; QUARANTINE: a
   * quarantine row at its coordinates; EITHER: one of the two (bytes whose reading is not this
   * generator's to predict, such as a byte-order mark).
   */
  public enum Expect {
    ROW,
    QUARANTINE,
    EITHER
  }

  private final SplittableRandom random;
  private final String inputTopic;
  private final String dlqTopic;
  private final String runId;
  private final List<String> validIds = new ArrayList<>();
  private final List<String> validJson = new ArrayList<>();
  private int sequence;

  public AdversarialRecords(long seed, String inputTopic, String dlqTopic, String runId) {
    this.random = new SplittableRandom(seed);
    this.inputTopic = inputTopic;
    this.dlqTopic = dlqTopic;
    this.runId = runId;
  }

  public List<Generated> generate(int count) {
    List<Generated> records = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      records.add(next());
    }
    return records;
  }

  private Generated next() {
    sequence++;
    int pick = random.nextInt(100);
    if (pick < 48) {
      return paymentEvent(false);
    }
    if (pick < 70) {
      return paymentEvent(true);
    }
    if (pick < 76 && !validIds.isEmpty()) {
      return duplicate();
    }
    if (pick < 90) {
      return quarantinePayload(random.nextInt(3) == 0);
    }
    if (pick < 99) {
      return garbage(random.nextBoolean() ? inputTopic : dlqTopic);
    }
    return large();
  }

  /** A payment event, all of it storable, or with one to three values that are not. */
  private Generated paymentEvent(boolean defective) {
    EventFields event = new EventFields(random, this::freshEventId);
    List<String> defects = new ArrayList<>();
    if (defective) {
      int count = 1 + random.nextInt(3);
      for (int i = 0; i < count; i++) {
        defects.add(event.breakOneField());
      }
    }
    String json = event.json();
    byte[] value = json.getBytes(StandardCharsets.UTF_8);
    if (!defective) {
      validIds.add(event.eventId());
      validJson.add(json);
      return new Generated(
          inputTopic, key(event.eventId()), value, Expect.ROW, event.eventId(), "event");
    }
    return new Generated(
        inputTopic,
        key(event.eventId()),
        value,
        Expect.QUARANTINE,
        event.eventId(),
        "event with " + String.join(", ", defects));
  }

  /** A valid event id again: the same record redelivered, or other content under the same id. */
  private Generated duplicate() {
    int i = random.nextInt(validIds.size());
    String eventId = validIds.get(i);
    String json =
        random.nextBoolean()
            ? validJson.get(i)
            : validJson.get(i).replaceFirst("\"amount_cents\":-?[0-9]+", "\"amount_cents\":1");
    return new Generated(
        inputTopic,
        key(eventId),
        json.getBytes(StandardCharsets.UTF_8),
        Expect.ROW,
        eventId,
        "duplicate");
  }

  private Generated quarantinePayload(boolean defective) {
    QuarantineFields payload = new QuarantineFields(random, this::freshEventId, validIds);
    String defect = defective ? payload.breakOneField() : null;
    return new Generated(
        dlqTopic,
        null,
        payload.json().getBytes(StandardCharsets.UTF_8),
        Expect.QUARANTINE,
        payload.eventId(),
        defect == null ? "quarantine payload" : "quarantine payload with " + defect);
  }

  private Generated garbage(String topic) {
    Garbage garbage = Garbage.pick(random, runId + "-" + sequence);
    String eventId = garbage.expect() == Expect.EITHER ? "bom:" + runId + "-" + sequence : null;
    return new Generated(topic, null, garbage.bytes(), garbage.expect(), eventId, garbage.kind());
  }

  /**
   * Near the bounds: an event with a long non-ASCII or escaped text (stored), a record over the
   * bridge's 1 MiB bound, or quotes whose escaped review would pass Temporal's input bound.
   */
  private Generated large() {
    switch (random.nextInt(3)) {
      case 0 -> {
        // Every combination of enrichments: one workflow task schedules them all at once.
        EventFields event = new EventFields(random, this::freshEventId);
        event.enrichments(random.nextBoolean(), random.nextBoolean(), random.nextBoolean());
        String size;
        if (random.nextBoolean()) {
          event.failureMessage(Values.longText(random, 150_000 + random.nextInt(150_000)));
          size = "long failure_message";
        } else {
          // 4 bytes each here, 12 once Temporal's converter has escaped their surrogates.
          event.metadataNote("\uD83D\uDE00".repeat(100_000 + random.nextInt(40_000)));
          size = "emoji metadata";
        }
        String json = event.json();
        validIds.add(event.eventId());
        validJson.add(json);
        return new Generated(
            inputTopic,
            key(event.eventId()),
            json.getBytes(StandardCharsets.UTF_8),
            Expect.ROW,
            event.eventId(),
            "event near the size bound (" + size + ")");
      }
      case 1 -> {
        byte[] over = new byte[1024 * 1024 + 1 + random.nextInt(100_000)];
        java.util.Arrays.fill(over, (byte) 'x');
        return new Generated(inputTopic, null, over, Expect.QUARANTINE, null, "over 1 MiB");
      }
      default -> {
        byte[] quotes = "\"".repeat(1_000_000).getBytes(StandardCharsets.US_ASCII);
        return new Generated(
            dlqTopic, null, quotes, Expect.QUARANTINE, null, "quotes past the input bound");
      }
    }
  }

  private String freshEventId() {
    return Values.eventId(random, runId + "-" + sequence);
  }

  private static byte[] key(String eventId) {
    return eventId == null ? null : eventId.getBytes(StandardCharsets.UTF_8);
  }
}
