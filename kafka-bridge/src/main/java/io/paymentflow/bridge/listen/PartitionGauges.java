package io.paymentflow.bridge.listen;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.MultiGauge.Row;
import io.micrometer.core.instrument.Tags;
import io.paymentflow.bridge.BridgeMetrics;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;
import org.springframework.stereotype.Component;

/**
 * Per-partition view of the pipeline, next to Kafka's own {@code records-lag}: records handed over
 * and not acknowledged ({@code pending}), and records acknowledged but not yet committed ({@code
 * uncommitted}, which a redelivery after a crash would repeat). Values are copied on the consumer
 * thread at each commit interval, so a scrape never touches the consumer's state.
 */
@Component
class PartitionGauges {

  private final MultiGauge pending;
  private final MultiGauge uncommitted;

  PartitionGauges(MeterRegistry registry) {
    this.pending =
        MultiGauge.builder(BridgeMetrics.PREFIX + "partition.pending")
            .description("Records handed to the starter and not yet acknowledged")
            .register(registry);
    this.uncommitted =
        MultiGauge.builder(BridgeMetrics.PREFIX + "partition.uncommitted")
            .description("Acknowledged records above the last committed offset")
            .register(registry);
  }

  void update(Map<TopicPartition, PartitionOffsets> partitions) {
    List<Row<?>> pendingRows = new ArrayList<>();
    List<Row<?>> uncommittedRows = new ArrayList<>();
    partitions.forEach(
        (partition, offsets) -> {
          Tags tags =
              Tags.of(
                  "topic", partition.topic(), "partition", Integer.toString(partition.partition()));
          pendingRows.add(Row.of(tags, offsets.pending()));
          uncommittedRows.add(Row.of(tags, offsets.uncommitted()));
        });
    pending.register(pendingRows, true);
    uncommitted.register(uncommittedRows, true);
  }
}
