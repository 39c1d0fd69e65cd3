package io.paymentflow.systemtest;

import static org.assertj.core.api.Assertions.assertThat;

import io.paymentflow.localrun.DemoEvents;
import io.paymentflow.localrun.DemoRecord;
import io.paymentflow.localrun.DemoStream;
import io.paymentflow.localrun.LocalSystem;
import io.paymentflow.localrun.Reconciliation;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * One reliability scenario: a stream published while faults are injected, then drained, reconciled,
 * checked for silently lost enrichments, and reported.
 */
final class Scenario {

  private final String name;
  private final LocalSystem system;
  private final List<String> faults = new ArrayList<>();
  private final long startNanos = System.nanoTime();
  private String marker;

  Scenario(String name, LocalSystem system) {
    this.name = name;
    this.system = system;
    System.out.println("\n=== scenario: " + name);
  }

  /** Notes a fault in the report, with the time it happened. */
  void fault(String description) {
    String line = String.format("%5.1fs %s", seconds(), description);
    faults.add(line);
    System.out.println("  fault: " + line);
  }

  /**
   * Holds a fault (an outage) for a while. Waiting here is the point: the system must ride out an
   * outage of this length, and nothing is being polled.
   */
  void hold(Duration outage) throws InterruptedException {
    TimeUnit.MILLISECONDS.sleep(outage.toMillis());
  }

  /**
   * Publishes {@code events} demo records at {@code rate} while {@code faults} run, then checks.
   */
  Reconciliation run(int events, int rate, Duration drainTimeout, FaultInjection faultInjection)
      throws Exception {
    DemoEvents demo = DemoStream.newDemo(system);
    return run(demo.eventIdMarker(), demo.generate(events), rate, drainTimeout, faultInjection);
  }

  Reconciliation run(
      String marker,
      List<DemoRecord> records,
      int rate,
      Duration drainTimeout,
      FaultInjection faultInjection)
      throws Exception {
    this.marker = marker;
    DemoStream stream = new DemoStream(system, System.out);
    CompletableFuture<Reconciliation> flowing =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                return stream.publishAndReconcile(marker, records, rate, drainTimeout);
              } catch (Exception e) {
                throw new IllegalStateException(e);
              }
            });
    faultInjection.inject(this);
    Reconciliation result = flowing.get(drainTimeout.toSeconds() + 300, TimeUnit.SECONDS);
    List<String> incomplete = RowChecks.incompleteRows(system.postgres(), marker);
    long degraded = RowChecks.degradedRows(system.postgres(), marker);
    System.out.printf(
        """
        --- report: %s
          events %d | faults %d | drained after %.1fs | lost %d | doubled %d | degraded %d | \
        silently incomplete %d
        %s
        """,
        name,
        result.published(),
        faults.size(),
        seconds(),
        Math.max(0, result.payments() - result.paymentRows())
            + Math.max(0, result.expectedQuarantineRows() - result.quarantineRows()),
        result.duplicateRows(),
        degraded,
        incomplete.size(),
        String.join("\n", faults.stream().map(f -> "    " + f).toList()));
    assertThat(result.paymentRows()).as("payment rows").isEqualTo(result.payments());
    assertThat(result.quarantineRows())
        .as("quarantine rows")
        .isEqualTo(result.expectedQuarantineRows());
    assertThat(result.duplicateRows()).as("duplicate rows").isZero();
    assertThat(incomplete).as("rows missing an enrichment without a reason").isEmpty();
    return result;
  }

  /** The marker in the event ids of the stream last run. */
  String marker() {
    return marker;
  }

  private double seconds() {
    return (System.nanoTime() - startNanos) / 1e9;
  }

  /** Breaks things while the stream flows; runs on the test thread. */
  @FunctionalInterface
  interface FaultInjection {
    void inject(Scenario scenario) throws Exception;
  }
}
