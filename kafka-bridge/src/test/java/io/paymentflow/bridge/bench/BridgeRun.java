package io.paymentflow.bridge.bench;

import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.distribution.CountAtBucket;
import io.paymentflow.bridge.BridgeMetrics;
import io.paymentflow.bridge.support.BridgeApp;
import io.paymentflow.bridge.support.Events;
import io.paymentflow.bridge.support.KafkaBroker;
import java.util.concurrent.TimeUnit;

/**
 * (a): the bridge on records published beforehand. It is timed from the end of a warm-up batch to
 * its last acknowledgement, and its latency comes from its own start-latency histogram over that
 * window (bucket bounds, so within about 10 %).
 */
final class BridgeRun {

  static Measurement run(
      KafkaBroker kafka, String temporalTarget, int warmup, int records, String[] bridgeArgs)
      throws Exception {
    kafka.createTopic("bench.bridge", BridgeBenchmark.PARTITIONS);
    kafka.createTopic("bench.bridge.dlq", 1);
    for (int i = 0; i < warmup + records; i++) {
      String eventId = "bridge:evt_" + i;
      kafka.send("bench.bridge", Events.key(eventId), Events.bytes(eventId));
    }
    kafka.flush();
    BridgeApp.Setup setup =
        new BridgeApp.Setup(
            kafka.bootstrapServers(),
            temporalTarget,
            "bench.bridge",
            "bench.bridge.dlq",
            "bench-bridge");
    try (BridgeApp bridge = BridgeApp.start(setup, bridgeArgs)) {
      while (acknowledged(bridge) < warmup) {
        Thread.sleep(1);
      }
      Timer latency =
          bridge
              .registry()
              .get(BridgeMetrics.PREFIX + "start.latency")
              .tags("outcome", "started")
              .timer();
      CountAtBucket[] before = latency.takeSnapshot().histogramCounts();
      double acknowledgedBefore = acknowledged(bridge);
      long began = System.nanoTime();
      while (acknowledged(bridge) < warmup + records) {
        Thread.sleep(1);
      }
      long elapsed = System.nanoTime() - began;
      CountAtBucket[] after = latency.takeSnapshot().histogramCounts();
      return new Measurement(
          "(a) kafka-bridge",
          (int) (warmup + records - acknowledgedBefore),
          elapsed / 1e9,
          percentile(before, after, 0.50),
          percentile(before, after, 0.99));
    }
  }

  private static double acknowledged(BridgeApp bridge) {
    return bridge.count("workflows.started") + bridge.count("workflows.duplicates");
  }

  /** The upper bound of the histogram bucket holding the percentile, over the window. */
  private static double percentile(CountAtBucket[] before, CountAtBucket[] after, double p) {
    double total = after[after.length - 1].count() - before[before.length - 1].count();
    for (int i = 0; i < after.length; i++) {
      if (after[i].count() - before[i].count() >= p * total) {
        return after[i].bucket(TimeUnit.MILLISECONDS);
      }
    }
    return Double.NaN;
  }

  private BridgeRun() {}
}
