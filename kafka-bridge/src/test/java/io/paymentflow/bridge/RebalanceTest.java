package io.paymentflow.bridge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.paymentflow.bridge.support.BridgeApp;
import io.paymentflow.bridge.support.BridgeInfrastructure;
import io.paymentflow.bridge.support.Events;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Partitions move while records keep arriving: a second bridge joins, the first one is stopped
 * (SIGTERM) in the middle of the stream, and a new one starts. Every event's workflow is started
 * exactly once: by workflow id, by counting runs, and by adding up the bridges' start counters.
 */
class RebalanceTest {

  private static final String INPUT = "rebalance.input";
  private static final int PARTITIONS = 6;

  @RegisterExtension static final BridgeInfrastructure infra = new BridgeInfrastructure();

  @Test
  void everyEventStartsExactlyOnceWhileBridgesJoinAndLeave() throws Exception {
    infra.kafka().createTopic(INPUT, PARTITIONS);
    infra.kafka().createTopic("rebalance.dlq", 1);
    BridgeApp.Setup setup =
        new BridgeApp.Setup(
            infra.kafka().bootstrapServers(),
            infra.temporal().target(),
            INPUT,
            "rebalance.dlq",
            "rebalance-group");
    AtomicBoolean publishing = new AtomicBoolean(true);
    CompletableFuture<Integer> stream;
    double startedByFirst;
    try (BridgeApp first = BridgeApp.start(setup)) {
      stream = CompletableFuture.supplyAsync(() -> publishWhile(publishing));
      await().atMost(Duration.ofSeconds(60)).until(() -> infra.recorder().distinct() >= 200);
      BridgeApp second = BridgeApp.start(setup);
      try (second) {
        await().atMost(Duration.ofSeconds(60)).until(() -> second.count("records.consumed") > 0);
        first.close(); // mid-stream, a graceful stop: drain, commit, leave the group
        startedByFirst = first.count("workflows.started");
        try (BridgeApp third = BridgeApp.start(setup)) {
          await().atMost(Duration.ofSeconds(60)).until(() -> third.count("records.consumed") > 0);
          publishing.set(false);
          int events = stream.get();
          await().atMost(Duration.ofMinutes(3)).until(() -> infra.recorder().distinct() == events);
          await()
              .atMost(Duration.ofSeconds(15))
              .untilAsserted(
                  () ->
                      assertThat(infra.kafka().committed("rebalance-group", INPUT))
                          .isEqualTo(infra.kafka().endOffsets(INPUT, PARTITIONS)));
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
    Map<String, Integer> runs = infra.recorder().runs();
    assertThat(runs).hasSize(stream.get());
    assertThat(runs.values()).allMatch(count -> count == 1);
  }

  /** Ten events every 100 ms until told to stop; returns how many it published. */
  private static int publishWhile(AtomicBoolean publishing) {
    int published = 0;
    long next = System.nanoTime();
    while (publishing.get() && !Thread.currentThread().isInterrupted()) {
      for (int i = 0; i < 10; i++, published++) {
        String eventId = "rebalance:evt_" + published;
        infra.kafka().send(INPUT, Events.key(eventId), Events.bytes(eventId));
      }
      infra.kafka().flush();
      // A steady rate, as DemoStream publishes: the schedule, not the send time, sets the pace.
      next += TimeUnit.MILLISECONDS.toNanos(100);
      LockSupport.parkNanos(next - System.nanoTime());
    }
    return published;
  }
}
