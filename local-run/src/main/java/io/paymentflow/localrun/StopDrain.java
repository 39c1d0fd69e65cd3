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
  private final AbandonedWork abandonedWork;
  private final Supplier<String> stalled;
  private final PrintStream out;

  /**
   * @param stalled why nothing in flight can finish any more (a worker has exited), else null
   */
  StopDrain(
      InJvmWorkflows workflows,
      QuarantineRows rows,
      AbandonedWork abandonedWork,
      Supplier<String> stalled,
      PrintStream out) {
    this.workflows = workflows;
    this.rows = rows;
    this.abandonedWork = abandonedWork;
    this.stalled = stalled;
    this.out = out;
  }

  /** Waits until nothing is in flight, at most {@code timeout}; says what was left if anything. */
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
            "  drained: %s finished in %.1f s; %d open reviews wait for an operator and re-open"
                + " at the next start%n",
            first.isEmpty() ? "nothing in flight," : first.describe() + ",",
            took.toMillis() / 1000.0,
            last.waitingReviews());
        return new Drained(first.payments().size(), first.reviews().size(), 0, took);
      }
      String why = stalled.get();
      if (why == null && System.nanoTime() - deadline >= 0) {
        why = "the stop timeout of " + timeout.toSeconds() + " s ran out";
      }
      if (why != null) {
        List<WorkflowExecutionInfo> left =
            last == null ? List.of() : concat(last.payments(), last.reviews());
        abandonedWork.report(left, why, last == null);
        return new Drained(
            first == null ? 0 : first.payments().size(),
            first == null ? 0 : first.reviews().size(),
            left.size(),
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
