package io.paymentflow.inference;

import io.temporal.worker.WorkerFactory;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Starts the Temporal worker factory with the context and drains it on shutdown. The starter alone
 * would only call {@code WorkerFactory.shutdown()} while destroying beans, without waiting, so the
 * JVM could exit under in-flight activities, or destroy beans they still use (CONTRACTS section 7).
 * So {@code spring.temporal.start-workers} is false and this bean owns the factory's lifecycle.
 *
 * <p>Its phase is the default, the last to start and the first to stop: polling begins after the
 * web server is up and stops before anything else goes, and in-flight activities still have their
 * HTTP client and their Temporal connection to report results.
 */
@Component
class WorkerLifecycle implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(WorkerLifecycle.class);

  private final WorkerFactory workerFactory;
  private final InferenceProperties properties;
  private volatile boolean running;

  WorkerLifecycle(WorkerFactory workerFactory, InferenceProperties properties) {
    this.workerFactory = workerFactory;
    this.properties = properties;
  }

  @Override
  public void start() {
    workerFactory.start();
    running = true;
    log.info("Polling task queue {}", properties.taskQueue());
  }

  /**
   * Stops polling at once, then waits up to the grace period for in-flight activities to finish;
   * whatever still runs after that is interrupted, and Temporal retries it elsewhere.
   */
  @Override
  public void stop() {
    running = false;
    log.info(
        "Stopping polling; waiting up to {} for in-flight activities",
        properties.shutdownGracePeriod());
    workerFactory.shutdown();
    workerFactory.awaitTermination(
        properties.shutdownGracePeriod().toMillis(), TimeUnit.MILLISECONDS);
    if (!workerFactory.isTerminated()) {
      log.warn("Activities still running after the grace period; interrupting them");
      workerFactory.shutdownNow();
    }
  }

  @Override
  public boolean isRunning() {
    return running;
  }
}
