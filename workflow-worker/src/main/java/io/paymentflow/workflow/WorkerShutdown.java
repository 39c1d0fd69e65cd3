package io.paymentflow.workflow;

import io.temporal.worker.WorkerFactory;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Stops polling and lets in-flight workflow tasks and local activities finish, within the grace
 * period, before the rest of the context closes. The starter alone only calls {@code shutdown()}
 * when the factory bean is destroyed, which neither waits nor comes early enough.
 */
@Component
class WorkerShutdown implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(WorkerShutdown.class);

  private final WorkerFactory workerFactory;
  private final RuntimeProperties runtime;
  private volatile boolean running;

  WorkerShutdown(WorkerFactory workerFactory, RuntimeProperties runtime) {
    this.workerFactory = workerFactory;
    this.runtime = runtime;
  }

  /** Nothing to start: the starter starts the factory when the application is ready. */
  @Override
  public void start() {
    running = true;
  }

  @Override
  public void stop() {
    running = false;
    long graceMillis = runtime.shutdownGracePeriod().toMillis();
    log.info("Stopping Temporal workers; waiting up to {} ms for in-flight tasks", graceMillis);
    workerFactory.shutdown();
    workerFactory.awaitTermination(graceMillis, TimeUnit.MILLISECONDS);
    if (!workerFactory.isTerminated()) {
      log.warn("Temporal workers still busy after the grace period; stopping them now");
      workerFactory.shutdownNow();
    }
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  /** The last phase to start is the first to stop: workers go before the web server and client. */
  @Override
  public int getPhase() {
    return Integer.MAX_VALUE;
  }
}
