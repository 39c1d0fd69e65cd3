package io.paymentflow.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.paymentflow.embeddedtemporal.EmbeddedTemporalServer;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import java.net.ServerSocket;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

class TemporalHealthIndicatorTest {

  @Test
  void aServingFrontendIsUp() throws Exception {
    try (EmbeddedTemporalServer temporal = new EmbeddedTemporalServer()) {
      WorkflowServiceStubs stubs = lazyStubs(temporal.target());
      try {
        Health health = new TemporalHealthIndicator(stubs, Duration.ofSeconds(5)).health();

        assertThat(health.getStatus()).isEqualTo(Status.UP);
        assertThat(health.getDetails()).containsEntry("servingStatus", "SERVING");
      } finally {
        stubs.shutdownNow();
      }
    }
  }

  @Test
  void aStoppedServerIsDownWithinTheDeadlineAndUpAgainWhenBack() throws Exception {
    try (EmbeddedTemporalServer temporal = new EmbeddedTemporalServer()) {
      WorkflowServiceStubs stubs = lazyStubs(temporal.target());
      try {
        TemporalHealthIndicator indicator =
            new TemporalHealthIndicator(stubs, Duration.ofMillis(500));
        assertThat(indicator.health().getStatus()).isEqualTo(Status.UP);

        temporal.stop();
        long began = System.nanoTime();
        Health down = indicator.health();

        assertThat(down.getStatus()).isEqualTo(Status.DOWN);
        assertThat(down.getDetails()).containsKey("grpcStatus");
        assertThat(Duration.ofNanos(System.nanoTime() - began)).isLessThan(Duration.ofSeconds(3));

        // The channel waits out its reconnect backoff, which the SDK resets every 10 s.
        temporal.restart();
        await()
            .atMost(Duration.ofSeconds(20))
            .until(() -> indicator.health().getStatus().equals(Status.UP));
      } finally {
        stubs.shutdownNow();
      }
    }
  }

  @Test
  void nothingListeningIsDownWithinTheDeadline() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    WorkflowServiceStubs stubs = lazyStubs("localhost:" + closedPort);
    try {
      long began = System.nanoTime();
      Health health = new TemporalHealthIndicator(stubs, Duration.ofMillis(500)).health();

      assertThat(health.getStatus()).isEqualTo(Status.DOWN);
      assertThat(health.getDetails()).containsEntry("grpcStatus", "UNAVAILABLE");
      assertThat(Duration.ofNanos(System.nanoTime() - began)).isLessThan(Duration.ofSeconds(3));
    } finally {
      stubs.shutdownNow();
    }
  }

  /** As the starter builds them: connecting lazily, so an app starts while Temporal is away. */
  private static WorkflowServiceStubs lazyStubs(String target) {
    return WorkflowServiceStubs.newServiceStubs(
        WorkflowServiceStubsOptions.newBuilder().setTarget(target).build());
  }
}
