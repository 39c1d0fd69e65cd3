package io.paymentflow.systemtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.paymentflow.contracts.event.KafkaCoordinates;
import io.paymentflow.contracts.event.StorableTimestamp;
import io.paymentflow.contracts.payment.WorkflowIds;
import io.paymentflow.localrun.LocalRunOptions;
import io.paymentflow.localrun.LocalSystem;
import io.paymentflow.systemtest.adversarial.AdversarialRecords;
import io.paymentflow.systemtest.adversarial.AdversarialRecords.Expect;
import io.paymentflow.systemtest.adversarial.AdversarialRecords.Generated;
import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.api.enums.v1.WorkflowExecutionStatus;
import io.temporal.api.workflowservice.v1.DescribeWorkflowExecutionRequest;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import java.nio.file.Path;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * The invariant of CONTRACTS section 4, as a property over generated input: every record read
 * becomes exactly one row, whatever its content. Thousands of records from one seed ({@link
 * AdversarialRecords}: odd and unstorable values in every field, wrong types, garbage, duplicates,
 * records near the size bounds) go through a whole local system (real PostgreSQL, the in-JVM
 * Temporal server, the four apps as processes). Each must end, within a bounded time, as the row it
 * calls for; no workflow may end FAILED; a normal stream behind them must still flow.
 *
 * <p>{@code -Dadversarial.records=N} (default 2000) sets how many, {@code -Dadversarial.seed=S}
 * repeats a run; every failure message starts with the seed. (jqwik, the obvious library, runs on
 * JUnit Platform 1 only, and this build is on 6: the generator is this module's own, seeded like a
 * property test, without shrinking, which a system this size could not afford anyway.)
 */
@Order(0)
class EveryRecordOneRowIT {

  private static final int RECORDS = Integer.getInteger("paymentflow.adversarial.records", 2000);
  private static final long SEED = seed(System.getProperty("paymentflow.adversarial.seed", ""));
  private static final Duration DRAIN = Duration.ofMinutes(10);
  private static final EnumSet<WorkflowExecutionStatus> ENDED_BADLY =
      EnumSet.of(
          WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_FAILED,
          WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_TERMINATED,
          WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_TIMED_OUT,
          WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_CANCELED);

  private static LocalSystem system;

  /** Logs stay in target/adversarial/ for a failure to be read. */
  @BeforeAll
  static void startSystem() {
    Path work = Path.of("target", "adversarial").toAbsolutePath();
    LocalRunOptions options =
        LocalRunOptions.parse(
                new String[0],
                Map.of("PAYMENTFLOW_HOME", Path.of("..").toAbsolutePath().normalize().toString()))
            .onEphemeralPorts(work);
    system = new LocalSystem(options, System.out).start();
  }

  @AfterAll
  static void stopSystem() {
    if (system != null) {
      system.close();
    }
  }

  @Test
  void everyRecordEndsAsExactlyOneRowAndNoWorkflowFails() throws Exception {
    System.out.printf("%n=== adversarial records: %d, seed %d%n", RECORDS, SEED);
    List<Generated> records =
        new AdversarialRecords(
                SEED, system.inputTopic(), system.dlqTopic(), UUID.randomUUID().toString())
            .generate(RECORDS);
    List<KafkaCoordinates> sent = publish(records);
    long began = System.nanoTime();

    List<String> wrong = awaitEveryRecordAccountedFor(records, sent);
    assertThat(first(wrong)).as(failure("records not accounted for", wrong.size())).isEmpty();
    System.out.printf(
        "--- report: adversarial records | %d records | accounted for after %.1fs | %s%n",
        records.size(), (System.nanoTime() - began) / 1e9, census(records));

    List<String> mutated = storedAsSent(records);
    assertThat(first(mutated)).as(failure("rows not as sent", mutated.size())).isEmpty();
    List<String> failed = workflowsEndedBadly(records, sent);
    assertThat(first(failed)).as(failure("workflows that ended badly", failed.size())).isEmpty();

    new Scenario("a normal stream behind the adversarial records", system)
        .run(100, 50, Duration.ofMinutes(2), s -> {});
  }

  /** Enough of a list of problems to diagnose them, not thousands of lines. */
  private static List<String> first(List<String> problems) {
    return problems.subList(0, Math.min(problems.size(), 40));
  }

  private static String failure(String what, int count) {
    return "seed " + SEED + " (repeat with -Dadversarial.seed=" + SEED + "): " + count + " " + what;
  }

  private static List<KafkaCoordinates> publish(List<Generated> records) throws Exception {
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
      for (Generated record : records) {
        pending.add(
            producer.send(new ProducerRecord<>(record.topic(), record.key(), record.value())));
      }
      List<KafkaCoordinates> sent = new ArrayList<>();
      for (int i = 0; i < pending.size(); i++) {
        RecordMetadata at = pending.get(i).get();
        sent.add(
            KafkaCoordinates.of(at.topic(), at.partition(), at.offset(), records.get(i).value()));
      }
      return sent;
    }
  }

  /** Polls until every record has its row or the drain time is up; returns what is still wrong. */
  private static List<String> awaitEveryRecordAccountedFor(
      List<Generated> records, List<KafkaCoordinates> sent) throws Exception {
    try {
      await()
          .atMost(DRAIN)
          .pollInterval(Duration.ofSeconds(2))
          .until(() -> unaccounted(records, sent).isEmpty());
    } catch (ConditionTimeoutException timedOut) {
      // Reported below, record by record.
    }
    return unaccounted(records, sent);
  }

  private static long seed(String configured) {
    return configured.isBlank()
        ? ThreadLocalRandom.current().nextLong()
        : Long.parseLong(configured);
  }

  private static List<String> unaccounted(List<Generated> records, List<KafkaCoordinates> sent)
      throws Exception {
    Set<KafkaCoordinates> quarantined = quarantined(sent);
    Set<String> rows =
        paymentRows(
            records.stream()
                .filter(r -> r.expect() != Expect.QUARANTINE)
                .map(Generated::eventId)
                .toList());
    List<String> wrong = new ArrayList<>();
    for (int i = 0; i < records.size(); i++) {
      Generated record = records.get(i);
      boolean q = quarantined.contains(sent.get(i));
      boolean row = record.eventId() != null && rows.contains(record.eventId());
      boolean ok =
          switch (record.expect()) {
            case ROW -> row && !q;
            case QUARANTINE -> q;
            case EITHER -> q ^ row;
          };
      if (!ok) {
        wrong.add(
            String.format(
                "%s at %s: expected %s, quarantine row %s, payment row %s",
                record.kind(), sent.get(i), record.expect(), q, row));
      }
    }
    return wrong;
  }

  /** Unique valid events: text, amount and instants stored exactly as the record had them. */
  private static List<String> storedAsSent(List<Generated> records) throws Exception {
    Map<String, Long> occurrences =
        records.stream()
            .filter(r -> r.eventId() != null)
            .collect(Collectors.groupingBy(Generated::eventId, Collectors.counting()));
    ObjectMapper json = new ObjectMapper();
    Map<String, JsonNode> expected = new HashMap<>();
    for (Generated record : records) {
      if (record.expect() == Expect.ROW && occurrences.get(record.eventId()) == 1) {
        expected.put(record.eventId(), json.readTree(record.value()));
      }
    }
    List<String> mutated = new ArrayList<>();
    try (Connection db = system.postgres().connect();
        PreparedStatement query =
            db.prepareStatement(
                "SELECT event_id, provider, failure_message, currency, amount_cents,"
                    + " provider_created_at FROM payment_events WHERE event_id = ANY(?)")) {
      query.setArray(1, db.createArrayOf("text", expected.keySet().toArray()));
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          JsonNode sent = expected.get(rows.getString(1));
          compare(
              mutated, rows.getString(1), "provider", text(sent, "provider"), rows.getString(2));
          compare(
              mutated,
              rows.getString(1),
              "failure_message",
              text(sent, "failure_message"),
              rows.getString(3));
          compare(
              mutated, rows.getString(1), "currency", text(sent, "currency"), rows.getString(4));
          compare(
              mutated,
              rows.getString(1),
              "amount_cents",
              sent.get("amount_cents").asText(),
              Long.toString(rows.getLong(5)));
          OffsetDateTime stored = rows.getObject(6, OffsetDateTime.class);
          compare(
              mutated,
              rows.getString(1),
              "provider_created_at",
              String.valueOf(
                  StorableTimestamp.parse(text(sent, "provider_created_at")).toInstant()),
              String.valueOf(stored == null ? null : stored.toInstant()));
        }
      }
    }
    return mutated;
  }

  private static void compare(
      List<String> mutated, String eventId, String column, String sent, String stored) {
    if (!java.util.Objects.equals(sent, stored)) {
      mutated.add(eventId + " " + column + ": sent " + sent + ", stored " + stored);
    }
  }

  private static String text(JsonNode event, String field) {
    JsonNode value = event.get(field);
    return value == null || value.isNull() ? null : value.asText();
  }

  /** Each record's workflow: the payment of a row, the review of a quarantine row. */
  private static List<String> workflowsEndedBadly(
      List<Generated> records, List<KafkaCoordinates> sent) {
    WorkflowServiceStubs service =
        WorkflowServiceStubs.newServiceStubs(
            WorkflowServiceStubsOptions.newBuilder()
                .setTarget(system.options().temporalAddress())
                .build());
    try {
      List<String> failed = new ArrayList<>();
      Set<String> seen = new HashSet<>();
      for (int i = 0; i < records.size(); i++) {
        Generated record = records.get(i);
        String workflowId =
            record.expect() == Expect.ROW
                ? WorkflowIds.payment(record.eventId())
                : record.expect() == Expect.QUARANTINE ? WorkflowIds.review(sent.get(i)) : null;
        if (workflowId == null || !seen.add(workflowId)) {
          continue;
        }
        WorkflowExecutionStatus status =
            service
                .blockingStub()
                .describeWorkflowExecution(
                    DescribeWorkflowExecutionRequest.newBuilder()
                        .setNamespace("default")
                        .setExecution(WorkflowExecution.newBuilder().setWorkflowId(workflowId))
                        .build())
                .getWorkflowExecutionInfo()
                .getStatus();
        if (ENDED_BADLY.contains(status)) {
          failed.add(workflowId + " " + status + " (" + record.kind() + ")");
        }
      }
      return failed;
    } finally {
      service.shutdownNow();
    }
  }

  private static Set<KafkaCoordinates> quarantined(List<KafkaCoordinates> sent) throws Exception {
    try (Connection db = system.postgres().connect();
        PreparedStatement query =
            db.prepareStatement(
                "SELECT q.dlq_topic, q.dlq_partition, q.dlq_offset, q.dlq_record_hash FROM"
                    + " payment_events_quarantine q JOIN unnest(?::text[], ?::int[], ?::bigint[],"
                    + " ?::text[]) AS s(t, p, o, h) ON q.dlq_topic = s.t AND q.dlq_partition = s.p"
                    + " AND q.dlq_offset = s.o AND q.dlq_record_hash = s.h")) {
      Array topics = db.createArrayOf("text", sent.stream().map(KafkaCoordinates::topic).toArray());
      Array partitions =
          db.createArrayOf("int4", sent.stream().map(KafkaCoordinates::partition).toArray());
      Array offsets =
          db.createArrayOf("int8", sent.stream().map(KafkaCoordinates::offset).toArray());
      Array hashes =
          db.createArrayOf("text", sent.stream().map(KafkaCoordinates::recordHash).toArray());
      query.setArray(1, topics);
      query.setArray(2, partitions);
      query.setArray(3, offsets);
      query.setArray(4, hashes);
      Set<KafkaCoordinates> found = new HashSet<>();
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          found.add(
              new KafkaCoordinates(
                  rows.getString(1), rows.getInt(2), rows.getLong(3), rows.getString(4)));
        }
      }
      return found;
    }
  }

  private static Set<String> paymentRows(List<String> eventIds) throws Exception {
    try (Connection db = system.postgres().connect();
        PreparedStatement query =
            db.prepareStatement("SELECT event_id FROM payment_events WHERE event_id = ANY(?)")) {
      query.setArray(1, db.createArrayOf("text", eventIds.toArray()));
      Set<String> found = new HashSet<>();
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          found.add(rows.getString(1));
        }
      }
      return found;
    }
  }

  private static String census(List<Generated> records) {
    return records.stream()
        .collect(Collectors.groupingBy(Generated::expect, Collectors.counting()))
        .toString();
  }
}
