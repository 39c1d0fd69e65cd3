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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Partitions move while records keep arriving: a second bridge joins, the first one is stopped
 * (SIGTERM) in the middle of the stream, and a new one starts. Every event's workflow is started
 * exactly once: by workflow id, by counting runs, and by adding up the bridges' start counters.
 */
class RebalanceTest {

  private static final String INPUT = "rebalance.input";
  private static final int PARTITIONS = 6;

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
  void everyEventStartsExactlyOnceWhileBridgesJoinAndLeave() throws Exception {
    kafka.createTopic(INPUT, PARTITIONS);
    kafka.createTopic("rebalance.dlq", 1);
    BridgeApp.Setup setup =
        new BridgeApp.Setup(
            kafka.bootstrapServers(), temporal.target(), INPUT, "rebalance.dlq", "rebalance-group");
    AtomicBoolean publishing = new AtomicBoolean(true);
    CompletableFuture<Integer> stream;
    double startedByFirst;
    try (BridgeApp first = BridgeApp.start(setup)) {
      stream = CompletableFuture.supplyAsync(() -> publishWhile(publishing));
      await().atMost(Duration.ofSeconds(60)).until(() -> recorder.distinct() >= 200);
      BridgeApp second = BridgeApp.start(setup);
      try (second) {
        await().atMost(Duration.ofSeconds(60)).until(() -> second.count("records.consumed") > 0);
        first.close(); // mid-stream, a graceful stop: drain, commit, leave the group
        startedByFirst = first.count("workflows.started");
        try (BridgeApp third = BridgeApp.start(setup)) {
          await().atMost(Duration.ofSeconds(60)).until(() -> third.count("records.consumed") > 0);
          publishing.set(false);
          int events = stream.get();
          await().atMost(Duration.ofMinutes(3)).until(() -> recorder.distinct() == events);
          await()
              .atMost(Duration.ofSeconds(15))
              .untilAsserted(
                  () ->
                      assertThat(kafka.committed("rebalance-group", INPUT))
                          .isEqualTo(kafka.endOffsets(INPUT, PARTITIONS)));
          assertThat(
                  startedByFirst
                      + second.count("workflows.started")
                      + third.count("workflows.started"))
              .as("each workflow was created by exactly one start")
              .isEqualTo(events);
          assertThat(startedByFirst).isPositive();
        }
      }
    }
    Map<String, Integer> runs = recorder.runs();
    assertThat(runs).hasSize(stream.get());
    assertThat(runs.values()).allMatch(count -> count == 1);
  }

  /** About 100 events a second until told to stop; returns how many it published. */
  private static int publishWhile(AtomicBoolean publishing) {
    int published = 0;
    while (publishing.get()) {
      for (int i = 0; i < 10; i++, published++) {
        String eventId = "rebalance:evt_" + published;
        kafka.send(INPUT, Events.key(eventId), Events.bytes(eventId));
      }
      kafka.flush();
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    return published;
  }
}
