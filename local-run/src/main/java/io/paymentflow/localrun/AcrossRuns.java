package io.paymentflow.localrun;

import io.temporal.api.workflow.v1.WorkflowExecutionInfo;
import java.io.PrintStream;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;

/**
 * What the local run does about the in-JVM Temporal server's state ending with each run, while
 * Kafka's and PostgreSQL's data outlive it: at stop it waits for the work in flight ({@link
 * StopDrain}); at start it opens again the reviews the last run left waiting ({@link OpenReviews}).
 * Not used with an external Temporal server, which keeps its own state.
 */
final class AcrossRuns implements AutoCloseable {

  private final InJvmWorkflows workflows;
  private final QuarantineRows rows;
  private final LocalRunOptions options;
  private final PrintStream out;
  private StopDrain stopDrain;

  AcrossRuns(
      InJvmWorkflows workflows, QuarantineRows rows, LocalRunOptions options, PrintStream out) {
    this.workflows = workflows;
    this.rows = rows;
    this.options = options;
    this.out = out;
  }

  /**
   * Opens the reviews again and prints one banner line; returns how many. The system runs without
   * them if this fails (the rows stay unreviewed, and the next start tries again), but says so.
   */
  int reopenReviews() {
    try {
      int reopened = OpenReviews.reopen(workflows, rows);
      out.printf(
          "Reviews      %d re-opened  (unreviewed quarantine rows of these topics whose review"
              + " ended with an earlier run)%n",
          reopened);
      return reopened;
    } catch (SQLException | RuntimeException e) {
      out.println("Reviews      NOT re-opened: " + e);
      return 0;
    }
  }

  /**
   * Waits, bounded by the stop timeout, for the work in flight; null when it could not tell.
   *
   * @param stalled why nothing in flight can finish any more, else null
   */
  Drained drain(Supplier<String> stalled) {
    String waitingReviewsFate =
        options.topicsOutliveRun()
            ? "re-open at the next start"
            : "end with this run, whose topics go with it (their rows stay unreviewed)";
    stopDrain = new StopDrain(workflows, rows, stalled, waitingReviewsFate, out);
    try {
      return stopDrain.await(options.stopDrainTimeout());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      out.println("  drain interrupted");
    } catch (RuntimeException e) {
      // The stop goes on: every process must still be stopped and every port freed.
      out.println("  drain failed: " + e);
    }
    return null;
  }

  /**
   * After the workers have stopped, when the drain did not finish: what is still open now is lost
   * with the server, and {@link AbandonedWork} says what becomes of each record. Counted only now,
   * because the workers finish what they hold within their grace period.
   */
  Drained afterWorkersStopped(Drained drained, RowCounter counter) {
    if (stopDrain == null || (drained != null && drained.abandoned() == 0)) {
      return drained;
    }
    String why = stopDrain.gaveUp() == null ? "the drain failed" : stopDrain.gaveUp();
    AbandonedWork report =
        new AbandonedWork(
            workflows, rows, counter, options.kafkaBootstrap(), options.workDirectory(), out);
    List<WorkflowExecutionInfo> left;
    try {
      left = stopDrain.inFlightNow();
    } catch (SQLException | RuntimeException e) {
      report.report(List.of(), why, true);
      return drained;
    }
    report.report(left, why, false);
    return drained == null
        ? new Drained(0, 0, left.size(), Duration.ZERO)
        : new Drained(drained.payments(), drained.reviews(), left.size(), drained.took());
  }

  @Override
  public void close() {
    workflows.close();
  }
}
