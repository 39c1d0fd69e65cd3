package io.paymentflow.systemtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.paymentflow.contracts.event.KafkaCoordinates;
import io.paymentflow.contracts.payment.WorkflowIds;
import io.paymentflow.localrun.AppProcess;
import io.paymentflow.localrun.LocalKafka;
import io.paymentflow.localrun.LocalSystem;
import io.paymentflow.localrun.Ports;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 24, audit N6: Kafka coordinates are not a record's identity. A topic deleted and created
 * again, and a second cluster writing to the same database (a failover, a local run against a
 * database another broker's records filled), hand out an offset an earlier record had. A new record
 * there must become a row of its own, not be taken for a duplicate and end in no table; the same
 * record delivered again stays one row.
 */
@Order(7)
@ExtendWith(RunningSystem.class)
class ReusedOffsetsIT {

  @Test
  void aNewRecordAtAReusedOffsetIsARowOfItsOwn(LocalSystem system) throws Exception {
    String suffix = UUID.randomUUID().toString().substring(0, 8);
    String input = "reused.normalized." + suffix;
    String dlq = "reused.dlq." + suffix;
    String kafka = system.options().kafkaBootstrap();
    create(kafka, input, dlq);
    String first = payload("first-" + suffix);
    String second = payload("second-" + suffix);
    String third = payload("third-" + suffix);

    // A record, then the topic deleted and created again, and a new record at the same offset.
    AppProcess bridge = bridge(system, "reused-bridge", kafka, input, dlq);
    KafkaCoordinates atFirst = publish(kafka, dlq, first);
    awaitRows(system, dlq, atFirst.offset(), 1);
    bridge.stop(Duration.ofSeconds(30));
    try (Admin admin = admin(kafka)) {
      admin.deleteTopics(Set.of(dlq)).all().get();
      await()
          .atMost(Duration.ofSeconds(30))
          .until(() -> !admin.listTopics().names().get().contains(dlq));
    }
    create(kafka, input, dlq);
    bridge = bridge(system, "reused-bridge-again", kafka, input, dlq);
    KafkaCoordinates atSecond = publish(kafka, dlq, second);
    assertThat(atFirst.offset()).isZero();
    assertThat(atSecond.offset()).as("the re-created topic's first offset").isZero();
    awaitRows(system, dlq, atFirst.offset(), 2);
    bridge.stop(Duration.ofSeconds(30));

    // A second broker, the same topic names and database: the same offset once more, twice.
    Path data = Files.createTempDirectory("second-broker");
    try (LocalKafka other =
        LocalKafka.start("localhost", Ports.free(), data, 1, List.of(input, dlq), false)) {
      AppProcess otherBridge =
          bridge(system, "second-broker-bridge", other.bootstrapServers(), input, dlq);
      try {
        KafkaCoordinates atThird = publish(other.bootstrapServers(), dlq, third);
        KafkaCoordinates sameAsFirst = publish(other.bootstrapServers(), dlq, first);
        assertThat(atThird.offset()).isEqualTo(atFirst.offset());
        awaitRows(system, dlq, atFirst.offset(), 3);
        // The first record's content at another offset is a record of its own too.
        awaitRows(system, dlq, sameAsFirst.offset(), 1);
      } finally {
        otherBridge.stop(Duration.ofSeconds(30));
      }
    }

    List<String> payloads =
        RowChecks.strings(
            system.postgres(),
            "SELECT original_payload FROM payment_events_quarantine WHERE dlq_topic = ?"
                + " AND dlq_offset = 0 ORDER BY id",
            dlq);
    assertThat(payloads).hasSize(3).doesNotHaveDuplicates();
    assertThat(WorkflowIds.review(hashed(atFirst, first)))
        .isNotEqualTo(WorkflowIds.review(hashed(atFirst, second)));
    System.out.printf(
        "--- report: reused offsets | %s-0-%d: a record, the topic re-created, a second broker |"
            + " %d rows, one per record%n",
        dlq, atFirst.offset(), payloads.size());
  }

  private static KafkaCoordinates hashed(KafkaCoordinates at, String value) {
    return KafkaCoordinates.of(
        at.topic(), at.partition(), at.offset(), value.getBytes(StandardCharsets.UTF_8));
  }

  private static AppProcess bridge(
      LocalSystem system, String name, String kafka, String input, String dlq) {
    AppProcess bridge =
        system.startExtraApp(
            LocalSystem.BRIDGE,
            name,
            Map.of(
                "TEMPORAL_WORKER_KAFKA_BOOTSTRAP_SERVERS", kafka,
                "TEMPORAL_WORKER_INPUT_TOPIC", input,
                "TEMPORAL_WORKER_DLQ_TOPIC", dlq,
                "TEMPORAL_WORKER_KAFKA_CONSUMER_GROUP", "reused-offsets-" + input));
    bridge.awaitReady(Duration.ofMinutes(3));
    return bridge;
  }

  private static void awaitRows(LocalSystem system, String dlq, long offset, long rows) {
    await("%d quarantine rows at %s-0-%d".formatted(rows, dlq, offset))
        .atMost(Duration.ofMinutes(2))
        .pollInterval(Duration.ofSeconds(1))
        .until(
            () ->
                RowChecks.count(
                    system.postgres(),
                    "SELECT count(*) FROM payment_events_quarantine WHERE dlq_topic = ?"
                        + " AND dlq_partition = 0 AND dlq_offset = ?",
                    dlq,
                    offset),
            n -> n == rows);
  }

  private static void create(String kafka, String... topics) throws Exception {
    try (Admin admin = admin(kafka)) {
      Set<String> existing = admin.listTopics().names().get();
      List<NewTopic> missing =
          java.util.Arrays.stream(topics)
              .filter(t -> !existing.contains(t))
              .map(t -> new NewTopic(t, 1, (short) 1))
              .toList();
      admin.createTopics(missing).all().get();
    }
  }

  private static Admin admin(String kafka) {
    return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka));
  }

  private static KafkaCoordinates publish(String kafka, String topic, String value)
      throws Exception {
    try (KafkaProducer<String, String> producer =
        new KafkaProducer<>(
            Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka, ProducerConfig.ACKS_CONFIG, "all"),
            new StringSerializer(),
            new StringSerializer())) {
      RecordMetadata at = producer.send(new ProducerRecord<>(topic, value)).get();
      return new KafkaCoordinates(at.topic(), at.partition(), at.offset());
    }
  }

  /** A normalizer's quarantine payload, as the DLQ topic carries them. */
  private static String payload(String id) {
    return """
        {"event_id":null,"provider":"stripe","provider_event_id":"%1$s",\
        "original_payload":"raw %1$s","validation_errors":[],"failure_reason":"UNKNOWN_ERROR",\
        "quarantined_at":"2026-11-28T10:00:00Z","schema_version":1}"""
        .formatted(id);
  }
}
