package io.paymentflow.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.WorkerFactory;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class WorkerShutdownTest {

  @Test
  void stoppingTheContextStopsPollingAndWaitsForTheWorkers() {
    try (TestWorkflowEnvironment env = TestWorkflowEnvironment.newInstance()) {
      WorkerFactory factory = WorkerFactory.newInstance(env.getWorkflowClient());
      factory.newWorker("payment-processing");
      factory.start();
      WorkerShutdown shutdown =
          new WorkerShutdown(factory, new RuntimeProperties(Duration.ofSeconds(5), null));
      shutdown.start();
      assertThat(shutdown.isRunning()).isTrue();

      shutdown.stop();

      assertThat(factory.isShutdown()).isTrue();
      assertThat(factory.isTerminated()).isTrue();
      assertThat(shutdown.isRunning()).isFalse();
    }
  }
}
