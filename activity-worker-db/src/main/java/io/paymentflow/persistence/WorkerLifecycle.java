package io.paymentflow.persistence;

import io.temporal.worker.WorkerFactory;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Starts the worker once the context is ready and drains it on shutdown.
 *
 * <p>The starter's own handling is not enough: it starts the factory on ApplicationReadyEvent and
 * on close only calls {@code shutdown()}, which returns at once, during bean destruction, in no
 * fixed order with the connection pool. Here the stop runs in the lifecycle phase, which Spring
 * completes before it destroys any bean: polling stops, in-flight activities get the grace period
 * to finish with the pool still open, and only then does the context close the pool. The highest
 * phase makes the worker stop before the web server, so probes answer while it drains.
 */
@Component
class WorkerLifecycle implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(WorkerLifecycle.class);

  private final WorkerFactory workerFactory;
  private final Duration gracePeriod;
  private volatile boolean running;

  WorkerLifecycle(WorkerFactory workerFactory, PersistenceProperties properties) {
    this.workerFactory = workerFactory;
    this.gracePeriod = properties.shutdownGracePeriod();
  }

  @Override
  public void start() {
    workerFactory.start();
    running = true;
    log.info("Temporal worker started");
  }

  @Override
  public void stop() {
    log.info("Stopping the Temporal worker: no new tasks, in-flight ones get {}", gracePeriod);
    workerFactory.shutdown();
    try {
      workerFactory.awaitTermination(gracePeriod.toMillis(), TimeUnit.MILLISECONDS);
    } finally {
      if (!workerFactory.isTerminated()) {
        // Unfinished activities time out on the server and run again elsewhere: they are
        // idempotent.
        log.warn("Activities still running after {}; interrupting them", gracePeriod);
        workerFactory.shutdownNow();
      }
      running = false;
    }
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  @Override
  public int getPhase() {
    return SmartLifecycle.DEFAULT_PHASE;
  }
}
