package io.paymentflow.systemtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.paymentflow.localrun.AppProcess;
import io.paymentflow.localrun.LocalSystem;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Scenario 6: every record of both topics replayed from offset 0 by a bridge in a new consumer
 * group, after all the other scenarios filled them. No new row, no row rewritten.
 */
@Order(100)
@ExtendWith(RunningSystem.class)
class TopicReplayIT {

  private static final String SNAPSHOT =
      "SELECT (SELECT count(*) FROM payment_events) || '/' || (SELECT count(*) FROM"
          + " payment_events_quarantine) || '/' || coalesce((SELECT max(updated_at)::text FROM"
          + " payment_events), '-') || '/' || (SELECT count(*) FROM payment_events_quarantine"
          + " WHERE reviewed)";

  @Test
  void replayFromOffsetZeroInNewGroupWritesNothing(LocalSystem system) throws Exception {
    // Whatever ran before, the topics hold at least this stream when the replay starts.
    new Scenario("a stream to replay", system).run(100, 50, Duration.ofMinutes(3), s -> {});
    System.out.println(
        "\n=== scenario: replay of both topics from offset 0 in a new consumer group");
    String before = RowChecks.strings(system.postgres(), SNAPSHOT).get(0);
    String group = "replay-" + UUID.randomUUID();
    long start = System.nanoTime();
    AppProcess replay =
        system.startExtraApp(
            LocalSystem.BRIDGE,
            "replay-bridge",
            Map.of("TEMPORAL_WORKER_KAFKA_CONSUMER_GROUP", group));
    try (Admin admin =
        Admin.create(
            Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, system.options().kafkaBootstrap()))) {
      replay.awaitReady(Duration.ofMinutes(3));
      Map<TopicPartition, Long> ends = endOffsets(admin, system);
      long records = ends.values().stream().mapToLong(Long::longValue).sum();
      await()
          .atMost(Duration.ofMinutes(5))
          .pollInterval(Duration.ofSeconds(1))
          .untilAsserted(() -> assertThat(committed(admin, group)).isEqualTo(ends));
      // The workflows it started (none) have had every chance to write by the time it is idle.
      String after = RowChecks.strings(system.postgres(), SNAPSHOT).get(0);
      System.out.printf(
          "--- report: replay of %d records in %.1fs | rows/quarantine/last update/reviewed"
              + " before %s after %s%n",
          records, (System.nanoTime() - start) / 1e9, before, after);
      assertThat(records).as("records replayed").isPositive();
      assertThat(after).as("rows, quarantine rows, last update, reviews").isEqualTo(before);
      String metrics = Metrics.scrape(replay.port());
      assertThat(Metrics.sum(metrics, "paymentflow_bridge_workflows_started_total"))
          .as("workflows the replay started")
          .isZero();
      assertThat(Metrics.sum(metrics, "paymentflow_bridge_workflows_duplicates_total"))
          .as("records the replay found already started")
          .isEqualTo((double) records);
    } finally {
      replay.stop(Duration.ofSeconds(30));
    }
  }

  private static Map<TopicPartition, Long> endOffsets(Admin admin, LocalSystem system)
      throws Exception {
    Set<TopicPartition> partitions =
        admin
            .describeTopics(Set.of(system.inputTopic(), system.dlqTopic()))
            .allTopicNames()
            .get()
            .values()
            .stream()
            .flatMap(
                d -> d.partitions().stream().map(p -> new TopicPartition(d.name(), p.partition())))
            .collect(Collectors.toSet());
    return admin
        .listOffsets(
            partitions.stream().collect(Collectors.toMap(p -> p, p -> OffsetSpec.latest())))
        .all()
        .get()
        .entrySet()
        .stream()
        .filter(e -> e.getValue().offset() > 0)
        .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
  }

  private static Map<TopicPartition, Long> committed(Admin admin, String group) throws Exception {
    return admin
        .listConsumerGroupOffsets(group)
        .partitionsToOffsetAndMetadata()
        .get()
        .entrySet()
        .stream()
        .filter(e -> e.getValue() != null && e.getValue().offset() > 0)
        .collect(Collectors.toMap(Map.Entry::getKey, e -> offset(e.getValue())));
  }

  private static long offset(OffsetAndMetadata metadata) {
    return metadata.offset();
  }
}
