package io.paymentflow.bridge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.paymentflow.bridge.support.BridgeApp;
import io.paymentflow.bridge.support.Events;
import io.paymentflow.bridge.support.ExecutionRecorder;
import io.paymentflow.bridge.support.KafkaBroker;
import io.paymentflow.bridge.support.TestWorker;
import io.paymentflow.contracts.TaskQueues;
import io.paymentflow.embeddedtemporal.EmbeddedTemporalServer;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

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

  private static KafkaBroker kafka;
  private static EmbeddedTemporalServer temporal;
  private static final ExecutionRecorder recorder = new ExecutionRecorder();
  private static TestWorker worker;

  @BeforeAll
  static void startInfrastructure() {
    kafka = new KafkaBroker();
    temporal = new EmbeddedTemporalServer();
    worker = new TestWorker(temporal.target(), TaskQueues.PAYMENT_PROCESSING, recorder);
  }

  @AfterAll
  static void stopInfrastructure() throws InterruptedException {
    worker.close();
    temporal.close();
    kafka.close();
  }

  @Test
  void anOutagePausesTheBridgeWithoutCommittingAheadAndItRecoversByItself() throws Exception {
    kafka.createTopic(INPUT, PARTITIONS);
    kafka.createTopic("outage.dlq", 1);
    BridgeApp.Setup setup =
        new BridgeApp.Setup(
            kafka.bootstrapServers(), temporal.target(), INPUT, "outage.dlq", "outage-group");
    try (BridgeApp bridge =
        BridgeApp.start(
            setup,
            "--temporal-worker.max-in-flight-starts=" + MAX_IN_FLIGHT,
            "--temporal-worker.start-retry-initial-backoff=100ms",
            "--temporal-worker.start-retry-max-backoff=1s",
            "--temporal-worker.start-attempt-timeout=1s",
            "--temporal-worker.health-check-timeout=500ms")) {
      publish(0, BEFORE);
      await().atMost(Duration.ofSeconds(60)).until(() -> recorder.distinct() == BEFORE);
      await().atMost(Duration.ofSeconds(10)).until(() -> bridge.readiness() == 200);
      Map<TopicPartition, Long> firstUnstarted = kafka.endOffsets(INPUT, PARTITIONS);
      await()
          .atMost(Duration.ofSeconds(30))
          .until(() -> kafka.committed("outage-group", INPUT).equals(firstUnstarted));

      temporal.stop();
      publish(BEFORE, DURING);
      await().atMost(Duration.ofSeconds(30)).until(() -> bridge.readiness() == 503);
      await()
          .atMost(Duration.ofSeconds(30))
          .until(
              () ->
                  bridge.count("start.failures") > 0
                      && bridge.gauge("starts.in.flight") == MAX_IN_FLIGHT);
      for (int look = 0; look < 5; look++) {
        assertThat(kafka.committed("outage-group", INPUT))
            .as("no offset may pass a record whose workflow was not started")
            .isEqualTo(firstUnstarted);
        assertThat(bridge.count("records.consumed"))
            .as("the pipeline is bounded: Kafka is paused, not drained into memory")
            .isLessThanOrEqualTo(BEFORE + MAX_IN_FLIGHT);
        Thread.sleep(400);
      }
      assertThat(recorder.distinct()).isEqualTo(BEFORE);
      assertThat(bridge.prometheus())
          .as("the names the deployment's alerts use")
          .contains(
              "paymentflow_bridge_start_failures_total{",
              "paymentflow_bridge_starts_in_flight ",
              "paymentflow_bridge_partition_pending{",
              "paymentflow_bridge_start_latency_seconds_bucket{",
              "kafka_consumer_fetch_manager_records_lag_max{");

      temporal.restart();
      await().atMost(Duration.ofMinutes(3)).until(() -> recorder.distinct() == BEFORE + DURING);
      await().atMost(Duration.ofSeconds(30)).until(() -> bridge.readiness() == 200);
      await()
          .atMost(Duration.ofSeconds(30))
          .untilAsserted(
              () ->
                  assertThat(kafka.committed("outage-group", INPUT))
                      .isEqualTo(kafka.endOffsets(INPUT, PARTITIONS)));
      assertThat(bridge.count("workflows.started")).isEqualTo(BEFORE + DURING);
    }
    assertThat(recorder.runs().values()).allMatch(runs -> runs == 1);
  }

  private static void publish(int from, int count) {
    for (int i = from; i < from + count; i++) {
      String eventId = "outage:evt_" + i;
      kafka.send(INPUT, Events.key(eventId), Events.bytes(eventId));
    }
    kafka.flush();
  }
}
