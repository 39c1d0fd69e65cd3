package io.paymentflow.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import io.paymentflow.embeddedtemporal.EmbeddedTemporalServer;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import java.net.ServerSocket;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

class TemporalHealthIndicatorTest {

  private static final RuntimeProperties RUNTIME =
      new RuntimeProperties(Duration.ofSeconds(30), Duration.ofMillis(800));

  private static Health check(String target) {
    WorkflowServiceStubs stubs =
        WorkflowServiceStubs.newServiceStubs(
            WorkflowServiceStubsOptions.newBuilder().setTarget(target).build());
    try {
      return new TemporalHealthIndicator(stubs, RUNTIME).health();
    } finally {
      stubs.shutdownNow();
    }
  }

  @Test
  void upWhenTemporalAnswers() throws Exception {
    try (EmbeddedTemporalServer temporal = new EmbeddedTemporalServer()) {
      assertThat(check(temporal.target()).getStatus()).isEqualTo(Status.UP);
    }
  }

  @Test
  void downWithinTheDeadlineWhenNothingListens() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    long started = System.nanoTime();

    Health health = check("127.0.0.1:" + closedPort);

    assertThat(health.getStatus()).isEqualTo(Status.DOWN);
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
  }
}
