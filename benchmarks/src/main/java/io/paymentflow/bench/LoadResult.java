package io.paymentflow.bench;

/**
 * One step of offered load.
 *
 * @param completedPerSecond events whose row landed, per second of the step (publish start to the
 *     last row)
 * @param cpu CPU milliseconds per completed event of each process over the same window
 */
record LoadResult(
    int offeredPerSecond,
    int events,
    double completedPerSecond,
    double p50Millis,
    double p95Millis,
    double p99Millis,
    long lost,
    String rssMiB,
    CpuTimes.PerEvent cpu) {

  static final String CSV_HEADER =
      "offered_per_s,events,completed_per_s,p50_ms,p95_ms,p99_ms,lost,rss_mib,cpu_ms_per_event,cpu_ms_per_event_by_process";

  String csv() {
    return String.format(
        java.util.Locale.ROOT,
        "%d,%d,%.1f,%.1f,%.1f,%.1f,%d,%s,%.1f,%s",
        offeredPerSecond,
        events,
        completedPerSecond,
        p50Millis,
        p95Millis,
        p99Millis,
        lost,
        '"' + rssMiB + '"',
        cpu.total(),
        '"' + cpu.cell() + '"');
  }

  String row() {
    return String.format(
        java.util.Locale.ROOT,
        "| %6d | %6d | %9.1f | %7.0f | %7.0f | %7.0f | %4d | %s | %s |",
        offeredPerSecond,
        events,
        completedPerSecond,
        p50Millis,
        p95Millis,
        p99Millis,
        lost,
        rssMiB,
        cpu.cell());
  }
}
