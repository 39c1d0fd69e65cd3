package io.paymentflow.bridge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.paymentflow.bridge.support.BridgeApp;
import io.paymentflow.bridge.support.BridgeInfrastructure;
import io.paymentflow.bridge.support.Events;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Temporal goes away in the middle of a stream and comes back. Meanwhile the bridge holds a bounded
 * number of starts, commits nothing it could not hand over, reports not-ready, and then resumes by
 * itself until every event has its workflow.
 */
class TemporalOutageTest {

  private static final String INPUT = "outage.input";
  private static final int PARTITIONS = 3;
  private static final int BEFORE = 300;
  private static final int DURING = 600;
  private static final int MAX_IN_FLIGHT = 50;

  @RegisterExtension static final BridgeInfrastructure infra = new BridgeInfrastructure();

  @Test
  void anOutagePausesTheBridgeWithoutCommittingAheadAndItRecoversByItself() throws Exception {
    infra.kafka().createTopic(INPUT, PARTITIONS);
    infra.kafka().createTopic("outage.dlq", 1);
    BridgeApp.Setup setup =
        new BridgeApp.Setup(
            infra.kafka().bootstrapServers(),
            infra.temporal().target(),
            INPUT,
            "outage.dlq",
            "outage-group");
    try (BridgeApp bridge =
        BridgeApp.start(
            setup,
            "--temporal-worker.max-in-flight-starts=" + MAX_IN_FLIGHT,
            "--temporal-worker.start-retry-initial-backoff=100ms",
            "--temporal-worker.start-retry-max-backoff=1s",
            "--temporal-worker.start-attempt-timeout=1s",
            "--temporal-worker.health-check-timeout=500ms")) {
      publish(0, BEFORE);
      await().atMost(Duration.ofSeconds(60)).until(() -> infra.recorder().distinct() == BEFORE);
      await().atMost(Duration.ofSeconds(10)).until(() -> bridge.readiness() == 200);
      Map<TopicPartition, Long> firstUnstarted = infra.kafka().endOffsets(INPUT, PARTITIONS);
      await()
          .atMost(Duration.ofSeconds(30))
          .until(() -> infra.kafka().committed("outage-group", INPUT).equals(firstUnstarted));

      infra.temporal().stop();
      publish(BEFORE, DURING);
      await().atMost(Duration.ofSeconds(30)).until(() -> bridge.readiness() == 503);
      await()
          .atMost(Duration.ofSeconds(30))
          .until(
              () ->
                  bridge.count("start.failures") > 0
                      && bridge.gauge("starts.in.flight") == MAX_IN_FLIGHT);
      await("the outage held for 2 s")
          .during(Duration.ofSeconds(2))
          .atMost(Duration.ofSeconds(5))
          .untilAsserted(
              () -> {
                assertThat(infra.kafka().committed("outage-group", INPUT))
                    .as("no offset may pass a record whose workflow was not started")
                    .isEqualTo(firstUnstarted);
                assertThat(bridge.count("records.consumed"))
                    .as("the pipeline is bounded: Kafka is paused, not drained into memory")
                    .isLessThanOrEqualTo(BEFORE + MAX_IN_FLIGHT);
              });
      double pinnedFor = bridge.gaugeMax("partition.oldest.pending.age");
      assertThat(pinnedFor)
          .as("the oldest unacknowledged start's age, seconds: it holds its partition's commits")
          .isGreaterThanOrEqualTo(2);
      assertThat(infra.recorder().distinct()).isEqualTo(BEFORE);
      assertThat(bridge.prometheus())
          .as("the names the deployment's alerts use")
          .contains(
              "paymentflow_bridge_start_failures_total{",
              "paymentflow_bridge_starts_in_flight ",
              "paymentflow_bridge_partition_pending{",
              "paymentflow_bridge_partition_oldest_pending_age_seconds{",
              "paymentflow_bridge_start_latency_seconds_bucket{",
              "kafka_consumer_fetch_manager_records_lag_max{");

      infra.temporal().restart();
      await()
          .atMost(Duration.ofMinutes(3))
          .until(() -> infra.recorder().distinct() == BEFORE + DURING);
      await().atMost(Duration.ofSeconds(30)).until(() -> bridge.readiness() == 200);
      await()
          .atMost(Duration.ofSeconds(30))
          .untilAsserted(
              () ->
                  assertThat(infra.kafka().committed("outage-group", INPUT))
                      .isEqualTo(infra.kafka().endOffsets(INPUT, PARTITIONS)));
      assertThat(bridge.count("workflows.started")).isEqualTo(BEFORE + DURING);
      await("no start waits once all are acknowledged")
          .atMost(Duration.ofSeconds(10))
          .until(() -> bridge.gaugeMax("partition.oldest.pending.age") == 0);
      System.out.printf(
          "temporal outage: oldest pending start %.1f s old during the outage, 0 after%n",
          pinnedFor);
    }
    assertThat(infra.recorder().runs().values()).allMatch(runs -> runs == 1);
  }

  private static void publish(int from, int count) {
    for (int i = from; i < from + count; i++) {
      String eventId = "outage:evt_" + i;
      infra.kafka().send(INPUT, Events.key(eventId), Events.bytes(eventId));
    }
    infra.kafka().flush();
  }
}
