package io.paymentflow.bridge.start;

import io.paymentflow.bridge.BridgeProperties;
import io.paymentflow.bridge.poison.PoisonRecordHandler;
import io.temporal.client.WorkflowOptions;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;
import org.springframework.stereotype.Component;

/**
 * Runs starts: concurrently, each retried as {@link StartPolicy} says until Temporal acknowledges
 * it. A start Temporal refuses for good, for its size or its id, is replaced by the record's review
 * ({@code START_REJECTED}), so no record holds its partition forever.
 *
 * <p>A start is one blocking SDK call, so concurrency comes from a fixed pool of {@code
 * start-threads}; a start waiting for its next attempt holds no thread. The pool's queue needs no
 * bound of its own: the consumer never has more than {@code max-in-flight-starts} outstanding.
 */
@Component
public class WorkflowStarter implements DisposableBean {

  private static final Logger log = LoggerFactory.getLogger(WorkflowStarter.class);

  private final StartCall call;
  private final StartPolicy policy;
  private final StartMetrics metrics;
  private final PoisonRecordHandler poison;
  private final ThreadPoolExecutor executor;
  private final ScheduledExecutorService retryTimer;

  public WorkflowStarter(
      StartCall call,
      StartPolicy policy,
      StartMetrics metrics,
      PoisonRecordHandler poison,
      BridgeProperties properties) {
    this.call = call;
    this.policy = policy;
    this.metrics = metrics;
    this.poison = poison;
    int threads = properties.startThreads();
    this.executor =
        new ThreadPoolExecutor(
            threads,
            threads,
            60,
            TimeUnit.SECONDS,
            new LinkedBlockingQueue<>(),
            daemonThreads("bridge-start-"));
    this.executor.allowCoreThreadTimeOut(true);
    this.retryTimer =
        Executors.newSingleThreadScheduledExecutor(daemonThreads("bridge-start-retry-"));
  }

  /**
   * Starts the workflow in the background. The future completes with the outcome once Temporal has
   * acknowledged the start; until then failed attempts are retried with backoff, without limit. It
   * completes exceptionally only when cancelled (which stops the retries) or when the bridge shuts
   * down.
   */
  public CompletableFuture<StartOutcome> start(WorkflowStart start) {
    Attempts attempts = new Attempts(start, policy.options(start));
    submit(attempts);
    return attempts.result;
  }

  private void submit(Attempts attempts) {
    try {
      executor.execute(attempts);
    } catch (RejectedExecutionException stopped) {
      attempts.result.completeExceptionally(stopped);
    }
  }

  private final class Attempts implements Runnable {
    /** The record's own start, which a refused review falls back to. */
    private final WorkflowStart original;

    private final WorkflowOptions originalOptions;

    /** What is attempted now: the original, or a review that replaced it. */
    private WorkflowStart start;

    private WorkflowOptions options;
    private final CompletableFuture<StartOutcome> result = new CompletableFuture<>();
    private int failed;

    Attempts(WorkflowStart start, WorkflowOptions options) {
      this.original = start;
      this.originalOptions = options;
      this.start = start;
      this.options = options;
    }

    @Override
    public void run() {
      if (result.isDone()) {
        return; // cancelled: its partition moved to another consumer, or the bridge is stopping
      }
      MDC.put("event_id", start.eventId());
      MDC.put("workflow_id", start.workflowId());
      long began = System.nanoTime();
      try {
        StartOutcome outcome = call.attempt(start, options);
        metrics.succeeded(start, outcome, System.nanoTime() - began);
        result.complete(outcome);
      } catch (Throwable e) {
        failed(e, System.nanoTime() - began);
      } finally {
        MDC.remove("event_id");
        MDC.remove("workflow_id");
      }
    }

    /**
     * Every failed attempt ends in a replacement or a scheduled retry, whatever was thrown: an
     * {@link Error} from the SDK call, or an exception while handling the failure (building the
     * review of a refused start renders the event). Anything less leaves the start without an
     * outcome: its offset pending for good, its partition's commits stopped, with no retry and no
     * failure counted. A {@link VirtualMachineError} is thrown on only once the retry is scheduled,
     * so that the JVM can still act on it (ExitOnOutOfMemoryError).
     */
    private void failed(Throwable error, long nanos) {
      Throwable fatal = error instanceof VirtualMachineError ? error : null;
      try {
        metrics.failed(start, error, nanos);
        if (StartPolicy.refusedForGood(error) && replaceRefused(error)) {
          return;
        }
      } catch (Throwable whileHandling) {
        if (fatal == null && whileHandling instanceof VirtualMachineError) {
          fatal = whileHandling;
        }
        log.error(
            "Handling the failed start of {} failed too; retrying it: {}",
            start.workflowId(),
            error.toString(),
            whileHandling);
      }
      retryLater(error);
      if (fatal instanceof VirtualMachineError vm) {
        throw vm;
      }
    }

    private void retryLater(Throwable error) {
      Duration delay = policy.retryDelay(++failed);
      try {
        retryTimer.schedule(() -> submit(this), delay.toNanos(), TimeUnit.NANOSECONDS);
      } catch (RejectedExecutionException stopped) {
        result.completeExceptionally(stopped);
        return;
      }
      // During an outage every in-flight start fails again and again: say so once per start,
      // then every tenth attempt; the failure counter and readiness carry the rest.
      if (failed % 10 == 1 || log.isDebugEnabled()) {
        if (error instanceof Error) { // not an outage: a defect or the JVM itself, with its trace
          log.error("Start of {} failed (attempt {}), retrying", start.workflowId(), failed, error);
        } else {
          log.warn(
              "Start of {} failed (attempt {}), retrying in {} ms: {}",
              start.workflowId(),
              failed,
              delay.toMillis(),
              error.toString());
        }
      }
    }

    /**
     * Replaces a start Temporal refused for good with the record's review ({@code START_REJECTED})
     * and tries that at once. False when even the smallest review was refused: then the record's
     * own start is retried like any failure (and readiness shows it), not the degraded review, so
     * that if what refused it passes, the event still becomes its row and not an empty review.
     */
    private boolean replaceRefused(Throwable refusal) {
      WorkflowStart fallback = poison.startRejected(start, StartPolicy.refusal(refusal));
      if (fallback == null) {
        log.error(
            "Temporal refused even the smallest review of {}; retrying its own start: {}",
            start.readAt(),
            refusal.toString());
        start = original;
        options = originalOptions;
        return false;
      }
      WorkflowOptions fallbackOptions = policy.options(fallback);
      log.warn(
          "Temporal refused {} for good; quarantining the record: {}",
          start.workflowId(),
          refusal.toString());
      metrics.rejected(start);
      start = fallback;
      options = fallbackOptions;
      submit(this);
      return true;
    }
  }

  /** Runs after the consumer has stopped: nothing waits for these starts any more. */
  @Override
  public void destroy() throws InterruptedException {
    retryTimer.shutdownNow();
    executor.shutdown();
    if (executor.awaitTermination(5, TimeUnit.SECONDS)) {
      return;
    }
    for (Runnable never : executor.shutdownNow()) {
      if (never instanceof Attempts attempts) {
        attempts.result.completeExceptionally(new CancellationException("bridge stopped"));
      }
    }
  }

  private static CustomizableThreadFactory daemonThreads(String prefix) {
    CustomizableThreadFactory factory = new CustomizableThreadFactory(prefix);
    factory.setDaemon(true);
    return factory;
  }
}
