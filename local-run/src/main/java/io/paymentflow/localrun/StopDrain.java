package io.paymentflow.localrun;

import io.temporal.api.workflow.v1.WorkflowExecutionInfo;
import java.io.PrintStream;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * At stop, between the bridge and the workers: the in-JVM Temporal server's state ends with the
 * run, and the bridge has committed the offsets of every workflow it started, so a workflow still
 * open when the workers stop is a record in no table. This waits, bounded, until none is.
 *
 * <p>What must finish: every {@code PaymentEventWorkflow}, and every review that has not yet
 * written its row or is recording a decision. A review that has written its row and waits for an
 * operator stays open by design (days): its row is unreviewed, and the next start opens it again.
 */
final class StopDrain {

  private static final Duration POLL = Duration.ofSeconds(1);

  private final InJvmWorkflows workflows;
  private final QuarantineRows rows;
  private final Supplier<String> stalled;
  private final String waitingReviewsFate;
  private final PrintStream out;
  private String gaveUp;

  /**
   * @param stalled why nothing in flight can finish any more (a worker has exited), else null
   * @param waitingReviewsFate what becomes of the reviews that wait for an operator, for the
   *     closing line
   */
  StopDrain(
      InJvmWorkflows workflows,
      QuarantineRows rows,
      Supplier<String> stalled,
      String waitingReviewsFate,
      PrintStream out) {
    this.workflows = workflows;
    this.rows = rows;
    this.stalled = stalled;
    this.waitingReviewsFate = waitingReviewsFate;
    this.out = out;
  }

  /**
   * Waits until nothing is in flight, at most {@code timeout}, or until nothing in flight can
   * finish; returns what it found, and, when it gave up, how many were still in flight then.
   */
  Drained await(Duration timeout) throws InterruptedException {
    long start = System.nanoTime();
    long deadline = start + timeout.toNanos();
    InFlight first = null;
    InFlight last = null;
    while (true) {
      try {
        last = inFlight();
        first = first == null ? last : first;
      } catch (RuntimeException | SQLException e) {
        out.printf("  draining: cannot count what is in flight right now (%s)%n", e.getMessage());
      }
      Duration took = Duration.ofNanos(System.nanoTime() - start);
      if (last != null && last.isEmpty()) {
        out.printf(
            "  drained: %s %.1f s; %d open reviews wait for an operator and %s%n",
            first.isEmpty() ? "nothing was in flight," : first.describe() + " finished in",
            took.toMillis() / 1000.0,
            last.waitingReviews(),
            waitingReviewsFate);
        return new Drained(first.payments().size(), first.reviews().size(), 0, took);
      }
      String why = stalled.get();
      if (why == null && System.nanoTime() - deadline >= 0) {
        why = "the stop timeout of " + timeout.toSeconds() + " s ran out";
      }
      if (why != null) {
        gaveUp = why;
        out.printf(
            "  stopping the workers with %s in flight (%s); they finish what they hold within"
                + " their grace period%n",
            last == null ? "an unknown number of workflows" : last.describe(), why);
        return new Drained(
            first == null ? 0 : first.payments().size(),
            first == null ? 0 : first.reviews().size(),
            last == null ? -1 : last.payments().size() + last.reviews().size(),
            took);
      }
      if (last != null) {
        out.printf(
            "  draining: %s in flight  (%d s, at most %d s)%n",
            last.describe(), took.toSeconds(), timeout.toSeconds());
      }
      TimeUnit.MILLISECONDS.sleep(POLL.toMillis());
    }
  }

  /** Why {@link #await} gave up; null when it did not. */
  String gaveUp() {
    return gaveUp;
  }

  /** What is in flight now, payments and reviews together: after the workers stopped, lost work. */
  List<WorkflowExecutionInfo> inFlightNow() throws SQLException {
    InFlight now = inFlight();
    return concat(now.payments(), now.reviews());
  }

  private InFlight inFlight() throws SQLException {
    List<WorkflowExecutionInfo> open = workflows.open();
    List<WorkflowExecutionInfo> payments = ofType(open, InJvmWorkflows.PAYMENT_TYPE);
    List<WorkflowExecutionInfo> reviews = ofType(open, InJvmWorkflows.REVIEW_TYPE);
    Set<String> waiting = reviews.isEmpty() ? Set.of() : rows.waitingReviewIds();
    List<WorkflowExecutionInfo> busy =
        reviews.stream().filter(r -> !waiting.contains(r.getExecution().getWorkflowId())).toList();
    return new InFlight(payments, busy, reviews.size() - busy.size());
  }

  private static List<WorkflowExecutionInfo> ofType(
      List<WorkflowExecutionInfo> executions, String type) {
    return executions.stream().filter(e -> e.getType().getName().equals(type)).toList();
  }

  private static <T> List<T> concat(List<T> a, List<T> b) {
    return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
  }

  /**
   * @param reviews reviews still writing their row or recording a decision
   * @param waitingReviews reviews that have written their row and wait for an operator
   */
  private record InFlight(
      List<WorkflowExecutionInfo> payments,
      List<WorkflowExecutionInfo> reviews,
      int waitingReviews) {

    boolean isEmpty() {
      return payments.isEmpty() && reviews.isEmpty();
    }

    String describe() {
      String text = payments.size() + " payment workflows";
      return reviews.isEmpty() ? text : text + " and " + reviews.size() + " reviews writing rows";
    }
  }
}
