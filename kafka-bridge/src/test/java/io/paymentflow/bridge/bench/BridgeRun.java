package io.paymentflow.bridge.bench;

import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.distribution.CountAtBucket;
import io.paymentflow.bridge.BridgeMetrics;
import io.paymentflow.bridge.support.BridgeApp;
import io.paymentflow.bridge.support.Events;
import io.paymentflow.bridge.support.KafkaBroker;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * (a): one bridge, fed batch by batch. A batch is timed from its first record taken to its last
 * start acknowledged; publishing it takes a small fraction of that. Latency comes from the bridge's
 * own start-latency histogram (so within a bucket's width, about 10 %).
 */
final class BridgeRun implements AutoCloseable {

  private static final String TOPIC = "bench.bridge";

  private final KafkaBroker kafka;
  private final BridgeApp bridge;
  private int published;
  private long elapsedNanos;
  private double[] bucketCounts;
  private double[] bucketMillis;
  private int measured;

  BridgeRun(KafkaBroker kafka, String temporalTarget, String[] bridgeArgs) {
    this.kafka = kafka;
    kafka.createTopic(TOPIC, BridgeBenchmark.PARTITIONS);
    kafka.createTopic(TOPIC + ".dlq", 1);
    bridge =
        BridgeApp.start(
            new BridgeApp.Setup(
                kafka.bootstrapServers(), temporalTarget, TOPIC, TOPIC + ".dlq", "bench-bridge"),
            bridgeArgs);
  }

  /** Runs one batch; {@code measure} false for warm-up, which also creates the latency timer. */
  void batch(int records, boolean measure) throws InterruptedException {
    Timer latency =
        measure
            ? bridge
                .registry()
                .get(BridgeMetrics.PREFIX + "start.latency")
                .tags("outcome", "started")
                .timer()
            : null;
    CountAtBucket[] before = measure ? latency.takeSnapshot().histogramCounts() : null;
    for (int i = 0; i < records; i++, published++) {
      String eventId = "bridge:evt_" + published;
      kafka.send(TOPIC, Events.key(eventId), Events.bytes(eventId));
    }
    // Timed from the moment the batch is all written, over the starts acknowledged from then on,
    // so that the producer's work, which (c) does not have, is not counted against the bridge.
    kafka.flush();
    double acknowledgedBefore = acknowledged();
    long began = System.nanoTime();
    await("the batch's starts acknowledged")
        .atMost(Duration.ofMinutes(5))
        .pollDelay(Duration.ZERO)
        .pollInterval(Duration.ofMillis(1))
        .until(() -> acknowledged() >= published);
    long elapsed = System.nanoTime() - began;
    int timed = (int) (published - acknowledgedBefore);
    System.err.printf("  bridge batch: %.0f records/s%n", timed / (elapsed / 1e9));
    if (!measure) {
      return;
    }
    CountAtBucket[] after = latency.takeSnapshot().histogramCounts();
    elapsedNanos += elapsed;
    measured += timed;
    if (bucketCounts == null) {
      bucketCounts = new double[after.length];
      bucketMillis = new double[after.length];
    }
    for (int i = 0; i < after.length; i++) {
      bucketCounts[i] += after[i].count() - before[i].count();
      bucketMillis[i] = after[i].bucket(TimeUnit.MILLISECONDS);
    }
  }

  Measurement measurement() {
    return new Measurement(
        "(a) kafka-bridge", measured, elapsedNanos / 1e9, percentile(0.50), percentile(0.99));
  }

  private double acknowledged() {
    return bridge.count("workflows.started") + bridge.count("workflows.duplicates");
  }

  /** The upper bound of the bucket holding the percentile; counts are cumulative per bucket. */
  private double percentile(double p) {
    double total = bucketCounts[bucketCounts.length - 1];
    for (int i = 0; i < bucketCounts.length; i++) {
      if (bucketCounts[i] >= p * total) {
        return bucketMillis[i];
      }
    }
    return Double.NaN;
  }

  @Override
  public void close() {
    bridge.close();
  }
}
