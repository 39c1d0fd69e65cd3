package io.paymentflow.support;

import io.temporal.worker.WorkerFactory;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Starts an app's Temporal workers and drains them on shutdown.
 *
 * <p>The starter alone starts the factory on {@code ApplicationReadyEvent} and, on close, only
 * calls {@code shutdown()}, which returns at once, during bean destruction, in no fixed order with
 * the beans activities still use (the connection pool, the HTTP client). So {@code
 * spring.temporal.start-workers} is false ({@link ContractDefaults}) and this lifecycle owns the
 * factory: it is in the last phase, so polling starts once everything else, the web server
 * included, has started, and stops first: no new task is taken, in-flight ones get the grace period
 * to finish with their dependencies still open, whatever still runs after that is interrupted (and
 * Temporal runs it again elsewhere; every activity is idempotent). Probes answer while it drains.
 */
public class WorkerDrain implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(WorkerDrain.class);

  private final WorkerFactory workerFactory;
  private final Duration gracePeriod;
  private volatile boolean running;

  public WorkerDrain(WorkerFactory workerFactory, Duration gracePeriod) {
    this.workerFactory = workerFactory;
    this.gracePeriod = gracePeriod;
  }

  @Override
  public void start() {
    workerFactory.start();
    running = true;
    log.info("Temporal workers polling");
  }

  @Override
  public void stop() {
    log.info("Stopping Temporal workers: no new tasks, in-flight ones get {}", gracePeriod);
    workerFactory.shutdown();
    try {
      workerFactory.awaitTermination(gracePeriod.toMillis(), TimeUnit.MILLISECONDS);
    } finally {
      if (!workerFactory.isTerminated()) {
        log.warn("Tasks still running after {}; interrupting them", gracePeriod);
        workerFactory.shutdownNow();
      }
      running = false;
    }
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  /** The last phase to start is the first to stop. */
  @Override
  public int getPhase() {
    return SmartLifecycle.DEFAULT_PHASE;
  }
}
