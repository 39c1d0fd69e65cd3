package io.paymentflow.bridge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.paymentflow.bridge.support.BridgeApp;
import io.paymentflow.bridge.support.Events;
import io.paymentflow.bridge.support.KafkaBroker;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The bytes the bridge holds (records polled and not yet acknowledged) stay below {@code
 * max-held-bytes} however much waits in Kafka: with Temporal unreachable nothing is acknowledged,
 * so everything polled stays held, and the bridge must stop polling before one more poll could take
 * it past the bound.
 */
class HeldBytesTest {

  private static final String INPUT = "held.input";
  private static final String DLQ = "held.dlq";
  private static final int RECORDS = 60;
  private static final int LETTERS = 200_000;
  private static final long MAX_HELD = 2L << 20;

  @Test
  void withNothingAcknowledgedTheBridgeHoldsNoMoreThanItsBound() throws Exception {
    try (KafkaBroker kafka = new KafkaBroker()) {
      kafka.createTopic(INPUT, 1);
      kafka.createTopic(DLQ, 1);
      Random random = new Random(7);
      for (int i = 0; i < RECORDS; i++) {
        kafka.send(INPUT, null, Events.padded("held:evt_" + i, LETTERS, random));
      }
      kafka.flush();

      String nowhere = "127.0.0.1:" + closedPort();
      BridgeApp.Setup setup =
          new BridgeApp.Setup(kafka.bootstrapServers(), nowhere, INPUT, DLQ, "held-group");
      try (BridgeApp bridge =
          BridgeApp.start(
              setup,
              "--temporal-worker.max-in-flight-bytes=2MB",
              "--temporal-worker.max-held-bytes=2MB",
              // One poll is at most 1 MiB: five of these records.
              "--spring.kafka.consumer.properties.fetch.max.bytes=1048576",
              "--temporal-worker.start-retry-max-backoff=1s",
              "--temporal-worker.start-attempt-timeout=1s")) {
        await("starts in flight, failing")
            .atMost(Duration.ofSeconds(30))
            .until(() -> bridge.count("start.failures") > 0 && bridge.gauge("held.bytes") > 0);
        await("the bound held for 3 s with 12 MB waiting in Kafka")
            .during(Duration.ofSeconds(3))
            .atMost(Duration.ofSeconds(10))
            .untilAsserted(
                () ->
                    assertThat(bridge.gauge("held.bytes"))
                        .as("bytes held")
                        .isPositive()
                        .isLessThanOrEqualTo(MAX_HELD));
        assertThat(bridge.prometheus()).contains("paymentflow_bridge_held_bytes ");
        System.out.printf(
            "held bytes with nothing acknowledged: %.0f of at most %d, %d records in flight%n",
            bridge.gauge("held.bytes"), MAX_HELD, (long) bridge.gauge("starts.in.flight"));
      }
    }
  }

  private static int closedPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
