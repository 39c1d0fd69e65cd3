package io.paymentflow.localrun;

import java.io.PrintStream;
import java.sql.SQLException;
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
  Drained drain(RowCounter counter, Supplier<String> stalled) {
    AbandonedWork abandoned =
        new AbandonedWork(
            workflows, rows, counter, options.kafkaBootstrap(), options.workDirectory(), out);
    try {
      return new StopDrain(workflows, rows, abandoned, stalled, out)
          .await(options.stopDrainTimeout());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      out.println("  drain interrupted: workflows still open end with this run");
    } catch (RuntimeException e) {
      // The stop goes on: every process must still be stopped and every port freed.
      out.println("  drain failed: " + e + "; workflows still open end with this run");
    }
    return null;
  }

  @Override
  public void close() {
    workflows.close();
  }
}
