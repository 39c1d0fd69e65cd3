package io.paymentflow.bridge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.paymentflow.bridge.support.BridgeApp;
import io.paymentflow.bridge.support.BridgeInfrastructure;
import io.paymentflow.bridge.support.Events;
import io.paymentflow.contracts.event.KafkaCoordinates;
import io.paymentflow.contracts.event.PayloadEncoding;
import io.paymentflow.contracts.event.QuarantinedRecord;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every kind of unreadable record, on both topics, becomes a DLQReviewWorkflow holding its raw
 * bytes and the coordinates where the bridge read it, and the valid records behind them, in the
 * same partition, still get their workflows.
 */
class PoisonRecordsTest {

  private static final String INPUT = "poison.input";
  private static final String DLQ = "poison.dlq";
  private static final byte[] LATIN1 =
      "{\"event_id\":\"caf\u00e9:1\"}".getBytes(StandardCharsets.ISO_8859_1);

  @RegisterExtension static final BridgeInfrastructure infra = new BridgeInfrastructure();

  @Test
  void everyPoisonRecordIsReviewedWithItsBytesAndCoordinatesAndNothingBehindWaits()
      throws Exception {
    infra.kafka().createTopic(INPUT, 1);
    infra.kafka().createTopic(DLQ, 1);
    String oversized =
        "{\"event_id\":\"big:1\",\"padding\":\"" + "x".repeat(100_000) + "\"}"; // over 64 KB
    send(INPUT, Events.bytes("ok:first")); // 0
    send(INPUT, LATIN1); // 1
    send(INPUT, utf8("{\"event_id\":\"trunc:1\",\"amount_cents\":")); // 2
    send(INPUT, utf8("[{\"event_id\":\"array:1\"}]")); // 3
    send(INPUT, utf8("{\"provider\":\"stripe\",\"amount_cents\":5}")); // 4
    send(INPUT, utf8("{\"event_id\":\"  \"}")); // 5
    send(INPUT, utf8("{\"event_id\":\"bad:amount\",\"amount_cents\":\"25.99\"}")); // 6
    send(INPUT, utf8("{\"event_id\":\"bad:ts\",\"processed_at\":\"yesterday\"}")); // 7
    send(INPUT, utf8(oversized)); // 8
    send(INPUT, null); // 9, a tombstone
    send(INPUT, Events.bytes("ok:last")); // 10
    String quarantined =
        """
        {"event_id":"dlq:0","provider":"stripe","provider_event_id":"evt_q",\
        "original_payload":"{\\"id\\":\\"evt_q\\"}","validation_errors":[{"field":\
        "data.object.currency","code":"INVALID_CURRENCY","message":"no"}],\
        "failure_reason":"INVALID_CURRENCY","source_topic":"webhooks","kafka_partition":2,\
        "kafka_offset":77,"quarantined_at":"2024-05-01T10:15:30Z","schema_version":1}""";
    send(DLQ, utf8(quarantined)); // 0
    send(DLQ, utf8("{\"event_id\":null,\"original_payload\":\"?\"}")); // 1
    send(DLQ, LATIN1); // 2
    send(DLQ, utf8("not json")); // 3
    send(DLQ, utf8("{\"event_id\":\"dlq:4\",\"provider\":\"stripe\"}")); // 4
    infra.kafka().flush();

    BridgeApp.Setup setup =
        new BridgeApp.Setup(
            infra.kafka().bootstrapServers(),
            infra.temporal().target(),
            INPUT,
            DLQ,
            "poison-group");
    try (BridgeApp bridge =
        BridgeApp.start(
            setup,
            "--temporal-worker.max-record-bytes=64KB",
            "--temporal-worker.oversized-prefix-bytes=1KB")) {
      await().atMost(Duration.ofSeconds(60)).until(() -> infra.recorder().distinct() == 16);
      assertThat(bridge.count("records.poison", "topic", INPUT)).isEqualTo(9);
      assertThat(bridge.count("records.poison", "topic", DLQ)).isEqualTo(3);
      assertThat(bridge.count("records.poison", "reason", "RECORD_TOO_LARGE")).isEqualTo(1);
      await()
          .atMost(Duration.ofSeconds(30))
          .untilAsserted(
              () -> {
                assertThat(infra.kafka().committed("poison-group", INPUT))
                    .isEqualTo(infra.kafka().endOffsets(INPUT, 1));
                assertThat(infra.kafka().committed("poison-group", DLQ))
                    .isEqualTo(infra.kafka().endOffsets(DLQ, 1));
              });
    }

    assertThat(infra.recorder().runs()).containsKeys("payment-ok:first", "payment-ok:last");
    Map<String, QuarantinedRecord> reviews = infra.recorder().reviews();
    assertThat(reviews).hasSize(14);
    assertPoison(reviews, INPUT, 1, "INVALID_ENCODING", base64(LATIN1), PayloadEncoding.BASE64);
    assertPoison(reviews, INPUT, 2, "INVALID_JSON", "{\"event_id\":\"trunc:1\",\"amount_cents\":");
    assertPoison(reviews, INPUT, 3, "INVALID_JSON", "[{\"event_id\":\"array:1\"}]");
    assertPoison(
        reviews, INPUT, 4, "MISSING_EVENT_ID", "{\"provider\":\"stripe\",\"amount_cents\":5}");
    assertPoison(reviews, INPUT, 5, "MISSING_EVENT_ID", "{\"event_id\":\"  \"}");
    QuarantinedRecord badAmount = review(reviews, INPUT, 6);
    assertThat(badAmount.failureReason()).isEqualTo("INVALID_FIELD");
    assertThat(badAmount.eventId()).isEqualTo("bad:amount");
    assertThat(review(reviews, INPUT, 7).originalPayload())
        .isEqualTo("{\"event_id\":\"bad:ts\",\"processed_at\":\"yesterday\"}");
    assertPoison(reviews, INPUT, 8, "RECORD_TOO_LARGE", oversized.substring(0, 1024));
    assertPoison(reviews, INPUT, 9, "INVALID_JSON", "");

    QuarantinedRecord fromNormalizer = review(reviews, DLQ, 0);
    assertThat(fromNormalizer.originalPayload()).isEqualTo("{\"id\":\"evt_q\"}");
    assertThat(fromNormalizer.failureReason()).isEqualTo("INVALID_CURRENCY");
    assertThat(fromNormalizer.kafkaOffset()).isEqualTo(77L);
    assertThat(fromNormalizer.readAt())
        .isEqualTo(new KafkaCoordinates(DLQ, 0, 0, fromNormalizer.readAt().recordHash()));
    assertThat(review(reviews, DLQ, 1).originalPayload()).isEqualTo("?");
    assertPoison(reviews, DLQ, 2, "INVALID_ENCODING", base64(LATIN1), PayloadEncoding.BASE64);
    assertPoison(reviews, DLQ, 3, "INVALID_JSON", "not json");
    assertThat(review(reviews, DLQ, 4).failureReason()).isEqualTo("INVALID_FIELD");
    assertThat(review(reviews, DLQ, 4).originalPayload())
        .isEqualTo("{\"event_id\":\"dlq:4\",\"provider\":\"stripe\"}");
  }

  private static void assertPoison(
      Map<String, QuarantinedRecord> reviews,
      String topic,
      long offset,
      String reason,
      String payload) {
    assertPoison(reviews, topic, offset, reason, payload, PayloadEncoding.UTF8);
  }

  private static void assertPoison(
      Map<String, QuarantinedRecord> reviews,
      String topic,
      long offset,
      String reason,
      String payload,
      PayloadEncoding encoding) {
    QuarantinedRecord record = review(reviews, topic, offset);
    assertThat(record).as("review of %s at %d", topic, offset).isNotNull();
    assertThat(record.readAt().recordHash()).as("the record's hash").hasSize(16);
    assertThat(record.failureReason()).isEqualTo(reason);
    assertThat(record.originalPayload()).isEqualTo(payload);
    assertThat(record.payloadEncoding()).isEqualTo(encoding);
    assertThat(record.eventId()).isNull();
    assertThat(record.readAt())
        .isEqualTo(new KafkaCoordinates(topic, 0, offset, record.readAt().recordHash()));
  }

  /** The review of the record read at {@code topic}/0/{@code offset}, whatever its hash. */
  private static QuarantinedRecord review(
      Map<String, QuarantinedRecord> reviews, String topic, long offset) {
    return reviews.entrySet().stream()
        .filter(r -> r.getKey().startsWith("dlq-review-" + at(topic, offset) + "-"))
        .map(Map.Entry::getValue)
        .findFirst()
        .orElse(null);
  }

  private static KafkaCoordinates at(String topic, long offset) {
    return new KafkaCoordinates(topic, 0, offset);
  }

  private static void send(String topic, byte[] value) {
    infra.kafka().send(topic, null, value);
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static String base64(byte[] bytes) {
    return Base64.getEncoder().encodeToString(bytes);
  }
}
