package io.paymentflow.localrun;

import java.io.PrintStream;
import java.util.function.Supplier;

/**
 * What the local run does about the in-JVM Temporal server's state ending with each run, while
 * Kafka's and PostgreSQL's data outlive it: at stop it waits for the work in flight ({@link
 * StopDrain}). Not used with an external Temporal server, which keeps its own state.
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
