package io.paymentflow.bridge.bench;

import java.lang.management.ManagementFactory;

/** Prints the benchmark's table, its ratios, and what explains them. */
final class Report {

  static void print(
      Measurement bridge,
      Measurement seed,
      Measurement raw,
      Measurement spring,
      Measurement seedCommits,
      String setup,
      double loadBefore) {
    System.out.printf("%nkafka-bridge benchmark: %s%n%n", setup);
    System.out.println("| variant | records | seconds | records/s | start p50 ms | start p99 ms |");
    System.out.println("|---|---:|---:|---:|---:|---:|");
    for (Measurement m : new Measurement[] {bridge, seed, raw, spring}) {
      System.out.printf(
          "| %s | %d | %.2f | %.0f | %.1f | %.1f |%n",
          m.name(), m.records(), m.seconds(), m.perSecond(), m.p50Millis(), m.p99Millis());
    }
    System.out.printf(
        "%na/b = %.1f (target >= 20), a/c = %.2f (target >= 0.9)%n",
        bridge.perSecond() / seed.perSecond(), bridge.perSecond() / raw.perSecond());
    System.out.printf(
        "a/d = %.2f (this bridge against spring-kafka's container doing the same)%n",
        bridge.perSecond() / spring.perSecond());
    System.out.printf(
        "(b) also waits p50 %.1f ms, p99 %.1f ms per record in commitSync%n",
        seedCommits.p50Millis(), seedCommits.p99Millis());
    System.out.printf(
        "machine load average (1 min) before/after: %.1f / %.1f%n",
        loadBefore, ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
  }

  private Report() {}
}
