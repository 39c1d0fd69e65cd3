package io.paymentflow.bench;

/**
 * One step of offered load.
 *
 * @param completedPerSecond events whose row landed, per second of the step (publish start to the
 *     last row)
 */
record LoadResult(
    int offeredPerSecond,
    int events,
    double completedPerSecond,
    double p50Millis,
    double p95Millis,
    double p99Millis,
    long lost,
    String rssMiB) {

  static final String CSV_HEADER =
      "offered_per_s,events,completed_per_s,p50_ms,p95_ms,p99_ms,lost,rss_mib";

  String csv() {
    return String.format(
        java.util.Locale.ROOT,
        "%d,%d,%.1f,%.1f,%.1f,%.1f,%d,%s",
        offeredPerSecond,
        events,
        completedPerSecond,
        p50Millis,
        p95Millis,
        p99Millis,
        lost,
        '"' + rssMiB + '"');
  }

  String row() {
    return String.format(
        java.util.Locale.ROOT,
        "| %6d | %6d | %9.1f | %7.0f | %7.0f | %7.0f | %4d | %s |",
        offeredPerSecond,
        events,
        completedPerSecond,
        p50Millis,
        p95Millis,
        p99Millis,
        lost,
        rssMiB);
  }
}
