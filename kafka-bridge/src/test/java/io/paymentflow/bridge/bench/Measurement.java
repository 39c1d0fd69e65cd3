package io.paymentflow.bridge.bench;

import java.util.Arrays;
import java.util.stream.Stream;

/** One row of the table: throughput, and start latency percentiles in milliseconds. */
record Measurement(String name, int records, double seconds, double p50Millis, double p99Millis) {

  /** Each start's latency, and the wall time of the loop that made them. */
  record Run(long[] latencies, long elapsedNanos) {}

  double perSecond() {
    return records / seconds;
  }

  /** Pools the latencies of several runs and adds up their wall times. */
  static Measurement of(String name, Run... runs) {
    long[] sorted = Stream.of(runs).flatMapToLong(r -> Arrays.stream(r.latencies())).toArray();
    Arrays.sort(sorted);
    long elapsed = Stream.of(runs).mapToLong(Run::elapsedNanos).sum();
    return new Measurement(
        name,
        sorted.length,
        elapsed / 1e9,
        sorted[(int) (sorted.length * 0.50)] / 1e6,
        sorted[Math.min(sorted.length - 1, (int) (sorted.length * 0.99))] / 1e6);
  }
}
