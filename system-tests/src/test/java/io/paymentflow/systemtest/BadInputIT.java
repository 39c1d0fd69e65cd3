package io.paymentflow.systemtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.paymentflow.localrun.LocalSystem;
import io.paymentflow.systemtest.BadInputCorpus.Item;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Scenario 7: a corpus of bad and odd input on both topics. Every record ends as exactly one row
 * stored as sent, or one quarantine row keeping its bytes; the system stays healthy and the stream
 * behind the corpus is not held up.
 */
@Order(7)
@ExtendWith(RunningSystem.class)
class BadInputIT {

  private final ObjectMapper json = new ObjectMapper();

  @Test
  void everyBadRecordIsQuarantinedOrStoredExactlyAsSent(LocalSystem system) throws Exception {
    System.out.println("\n=== scenario: bad-input corpus on both topics");
    List<Item> corpus =
        BadInputCorpus.build(
            UUID.randomUUID().toString().substring(0, 8), system.inputTopic(), system.dlqTopic());
    List<RecordMetadata> sent = publish(system, corpus);
    long start = System.nanoTime();

    await()
        .atMost(Duration.ofMinutes(3))
        .pollInterval(Duration.ofSeconds(1))
        .untilAsserted(
            () -> {
              for (int i = 0; i < corpus.size(); i++) {
                assertLanded(system, corpus.get(i), sent.get(i));
              }
            });
    System.out.printf(
        "--- report: bad-input corpus | records %d | all landed after %.1fs%n",
        corpus.size(), (System.nanoTime() - start) / 1e9);

    new Scenario("a normal stream right behind the corpus", system)
        .run(100, 50, Duration.ofSeconds(90), s -> {});
    for (String app : LocalSystem.APPS) {
      assertThat(Metrics.get(system.app(app).port(), "/actuator/health/readiness").statusCode())
          .as("%s ready after the corpus", app)
          .isEqualTo(200);
    }
  }

  private void assertLanded(LocalSystem system, Item item, RecordMetadata at) throws Exception {
    Quarantined quarantined = quarantineRow(system, at);
    String rowPayload = item.eventId() == null ? null : storedRow(system, item.eventId());
    switch (item.outcome()) {
      case ROW -> {
        assertThat(rowPayload).as("row for '%s'", item.description()).isNotNull();
        assertThat(quarantined).as("no quarantine row for '%s'", item.description()).isNull();
        assertStoredAsSent(item, rowPayload);
      }
      case QUARANTINE -> {
        assertThat(quarantined).as("quarantine row for '%s'", item.description()).isNotNull();
        assertThat(rowPayload).as("no row for '%s'", item.description()).isNull();
        if (item.failureReason() != null) {
          assertThat(quarantined.failureReason())
              .as(item.description())
              .isEqualTo(item.failureReason());
        }
        if (item.storedPayload() != null) {
          assertThat(quarantined.payload()).as(item.description()).isEqualTo(item.storedPayload());
        }
      }
      case ROW_OR_QUARANTINE ->
          assertThat((rowPayload != null ? 1 : 0) + (quarantined != null ? 1 : 0))
              .as("exactly one of row or quarantine row for '%s'", item.description())
              .isEqualTo(1);
    }
  }

  /** The row's text columns that carry free text, as JSON, compared with what was sent. */
  private void assertStoredAsSent(Item item, String rowJson) throws Exception {
    JsonNode sent = json.readTree(item.value());
    JsonNode stored = json.readTree(rowJson);
    for (String field :
        List.of("event_id", "failure_message", "card_brand", "customer_id", "status")) {
      assertThat(stored.path(field).asText(null))
          .as("%s of '%s'", field, item.description())
          .isEqualTo(sent.path(field).asText(null));
    }
    if (sent.has("metadata")) {
      assertThat(stored.get("metadata"))
          .as("metadata of " + item.description())
          .isEqualTo(sent.get("metadata"));
    }
  }

  private static String storedRow(LocalSystem system, String eventId) throws Exception {
    List<String> rows =
        RowChecks.strings(
            system.postgres(),
            "SELECT json_build_object('event_id', event_id, 'failure_message', failure_message,"
                + " 'card_brand', card_brand, 'customer_id', customer_id, 'status', status,"
                + " 'metadata', metadata)::text FROM payment_events WHERE event_id = ?",
            eventId);
    return rows.isEmpty() ? null : rows.get(0);
  }

  private record Quarantined(String failureReason, String payload) {}

  private static Quarantined quarantineRow(LocalSystem system, RecordMetadata at) throws Exception {
    try (Connection db = system.postgres().connect();
        PreparedStatement query =
            db.prepareStatement(
                "SELECT failure_reason, original_payload FROM payment_events_quarantine"
                    + " WHERE dlq_topic = ? AND dlq_partition = ? AND dlq_offset = ?")) {
      query.setString(1, at.topic());
      query.setInt(2, at.partition());
      query.setLong(3, at.offset());
      try (ResultSet rs = query.executeQuery()) {
        return rs.next() ? new Quarantined(rs.getString(1), rs.getString(2)) : null;
      }
    }
  }

  private static List<RecordMetadata> publish(LocalSystem system, List<Item> corpus)
      throws Exception {
    try (KafkaProducer<byte[], byte[]> producer =
        new KafkaProducer<>(
            Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                system.options().kafkaBootstrap(),
                ProducerConfig.MAX_REQUEST_SIZE_CONFIG,
                8 * 1024 * 1024,
                ProducerConfig.ACKS_CONFIG,
                "all"),
            new ByteArraySerializer(),
            new ByteArraySerializer())) {
      List<Future<RecordMetadata>> pending = new ArrayList<>();
      for (Item item : corpus) {
        pending.add(producer.send(new ProducerRecord<>(item.topic(), item.value())));
      }
      List<RecordMetadata> sent = new ArrayList<>();
      for (Future<RecordMetadata> f : pending) {
        sent.add(f.get());
      }
      return sent;
    }
  }
}
