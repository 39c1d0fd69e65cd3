package io.paymentflow.persistence.bench;

import java.util.Arrays;

/**
 * One row of a table: throughput, per-call latency percentiles, and the mean time a call waited for
 * a pooled connection (Hikari's own {@code hikaricp.connections.acquire} timer).
 */
record Measurement(
    int concurrency,
    int rows,
    double seconds,
    double p50Millis,
    double p95Millis,
    double p99Millis,
    double poolWaitMillis,
    int failures) {

  double perSecond() {
    return rows / seconds;
  }

  /** {@code latencies} holds the {@code rows} completed calls, in nanoseconds. */
  static Measurement of(
      int concurrency,
      long[] latencies,
      int rows,
      long elapsedNanos,
      double poolWaitMillis,
      int failures) {
    long[] sorted = Arrays.copyOf(latencies, rows);
    Arrays.sort(sorted);
    return new Measurement(
        concurrency,
        rows,
        elapsedNanos / 1e9,
        percentile(sorted, 0.50),
        percentile(sorted, 0.95),
        percentile(sorted, 0.99),
        poolWaitMillis,
        failures);
  }

  /** Nearest rank, in milliseconds. */
  private static double percentile(long[] sorted, double p) {
    if (sorted.length == 0) {
      return Double.NaN;
    }
    int rank = (int) Math.ceil(p * sorted.length);
    return sorted[Math.max(0, rank - 1)] / 1e6;
  }
}
