package io.paymentflow.bridge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.paymentflow.bridge.support.BridgeApp;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * With neither Kafka nor Temporal reachable, the bridge still starts, is alive but not ready, and
 * does not flood its logs while it waits.
 */
class UnreachableDependenciesTest {

  @Test
  void withoutKafkaAndTemporalTheBridgeIsAliveNotReadyAndQuiet() throws Exception {
    String nowhere = "127.0.0.1:" + closedPort();
    BridgeApp.Setup setup =
        new BridgeApp.Setup(nowhere, nowhere, "nowhere.input", "nowhere.dlq", "nowhere-group");
    try (BridgeApp bridge =
        BridgeApp.start(setup, "--temporal-worker.health-check-timeout=500ms")) {
      Logger adminMetadata =
          (Logger)
              LoggerFactory.getLogger(
                  "org.apache.kafka.clients.admin.internals.AdminMetadataManager");
      adminMetadata.setLevel(Level.INFO);
      ListAppender<ILoggingEvent> logged = new ListAppender<>();
      logged.start();
      adminMetadata.addAppender(logged);

      assertThat(bridge.liveness()).isEqualTo(200);
      await().atMost(Duration.ofSeconds(20)).until(() -> bridge.readiness() == 503);
      for (int probe = 0; probe < 3; probe++) {
        assertThat(bridge.readiness()).isEqualTo(503);
      }
      assertThat(logged.list)
          .as("the readiness probe's admin client does not rebootstrap in a loop")
          .hasSizeLessThan(50);
      adminMetadata.detachAppender(logged);
    }
  }

  private static int closedPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
