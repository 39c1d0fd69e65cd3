package io.paymentflow.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import java.net.ServerSocket;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

class TemporalHealthIndicatorTest {

  @Test
  void unreachableTemporalIsDownWithinTheDeadline() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    WorkflowServiceStubs stubs =
        WorkflowServiceStubs.newServiceStubs(
            WorkflowServiceStubsOptions.newBuilder().setTarget("localhost:" + closedPort).build());
    try {
      TemporalHealthIndicator indicator =
          new TemporalHealthIndicator(stubs, properties(Duration.ofMillis(500)));

      long start = System.nanoTime();
      Health health = indicator.health();

      assertThat(health.getStatus()).isEqualTo(Status.DOWN);
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
    } finally {
      stubs.shutdownNow();
    }
  }

  @Test
  void servingTemporalIsUp() {
    WorkflowServiceStubs stubs =
        WorkflowServiceStubs.newServiceStubs(
            WorkflowServiceStubsOptions.newBuilder()
                .setTarget(TemporalTestServer.target())
                .build());
    try {
      Health health =
          new TemporalHealthIndicator(stubs, properties(Duration.ofSeconds(5))).health();

      assertThat(health.getStatus()).isEqualTo(Status.UP);
    } finally {
      stubs.shutdownNow();
    }
  }

  private static PersistenceProperties properties(Duration healthTimeout) {
    return new PersistenceProperties("q", 1, Duration.ofSeconds(1), healthTimeout);
  }
}
