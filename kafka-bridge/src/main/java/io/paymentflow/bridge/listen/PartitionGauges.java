package io.paymentflow.bridge.listen;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.MultiGauge.Row;
import io.micrometer.core.instrument.Tags;
import io.paymentflow.bridge.BridgeMetrics;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.apache.kafka.common.TopicPartition;
import org.springframework.stereotype.Component;

/**
 * Per-partition view of the pipeline, next to Kafka's own {@code records-lag}: records handed over
 * and not acknowledged ({@code pending}), records acknowledged but not yet committed ({@code
 * uncommitted}, which a redelivery after a crash would repeat), and how long the oldest pending
 * start has waited ({@code oldest.pending.age}). That age is what shows a pinned partition: its
 * committed offset cannot pass the start, while Kafka's lag, measured from the fetch position,
 * stays low. Values are copied on the consumer thread at each commit interval, so a scrape never
 * touches the consumer's state; the age is computed at the scrape from the copied hand-over time,
 * so it keeps growing even if the consumer thread stops copying.
 */
@Component
class PartitionGauges {

  private final MultiGauge pending;
  private final MultiGauge uncommitted;
  private final MultiGauge oldestPendingAge;

  PartitionGauges(MeterRegistry registry) {
    this.pending =
        MultiGauge.builder(BridgeMetrics.PREFIX + "partition.pending")
            .description("Records handed to the starter and not yet acknowledged")
            .register(registry);
    this.uncommitted =
        MultiGauge.builder(BridgeMetrics.PREFIX + "partition.uncommitted")
            .description("Acknowledged records above the last committed offset")
            .register(registry);
    this.oldestPendingAge =
        MultiGauge.builder(BridgeMetrics.PREFIX + "partition.oldest.pending.age")
            .description("How long the oldest start not yet acknowledged has waited; 0 when none")
            .baseUnit("seconds")
            .register(registry);
  }

  void update(Map<TopicPartition, PartitionOffsets> partitions) {
    List<Row<?>> pendingRows = new ArrayList<>();
    List<Row<?>> uncommittedRows = new ArrayList<>();
    List<Row<?>> ageRows = new ArrayList<>();
    partitions.forEach(
        (partition, offsets) -> {
          Tags tags =
              Tags.of(
                  "topic", partition.topic(), "partition", Integer.toString(partition.partition()));
          pendingRows.add(Row.of(tags, offsets.pending()));
          uncommittedRows.add(Row.of(tags, offsets.uncommitted()));
          ageRows.add(Row.of(tags, new Since(offsets.oldestPendingSince()), Since::ageSeconds));
        });
    pending.register(pendingRows, true);
    uncommitted.register(uncommittedRows, true);
    oldestPendingAge.register(ageRows, true);
  }

  /** When the oldest pending start was handed over, if one is pending. */
  private record Since(OptionalLong nanoTime) {
    double ageSeconds() {
      return nanoTime.isEmpty() ? 0 : (System.nanoTime() - nanoTime.getAsLong()) / 1e9;
    }
  }
}
