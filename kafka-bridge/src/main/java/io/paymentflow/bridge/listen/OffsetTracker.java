package io.paymentflow.bridge.listen;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * Per-partition offset tracking across assignments. Each assignment of a partition gets its own
 * {@link PartitionOffsets}; acknowledgements are delivered to the instance that was current when
 * the record was handed over, so a late acknowledgement for a partition that has since been revoked
 * (and perhaps assigned again) changes nothing that will be committed. Confined to the consumer
 * thread, like the consumer itself.
 */
final class OffsetTracker {

  private final Map<TopicPartition, PartitionOffsets> partitions = new HashMap<>();

  /** Records a hand-over; returns the instance its acknowledgement must go to. */
  PartitionOffsets handedOver(TopicPartition partition, long offset) {
    PartitionOffsets offsets = partitions.computeIfAbsent(partition, p -> new PartitionOffsets());
    offsets.handedOver(offset);
    return offsets;
  }

  /** Safe offsets not yet committed, for all partitions. */
  Map<TopicPartition, OffsetAndMetadata> committable() {
    return committable(partitions.keySet());
  }

  /** Safe offsets not yet committed, for these partitions. */
  Map<TopicPartition, OffsetAndMetadata> committable(Collection<TopicPartition> which) {
    Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
    for (TopicPartition partition : which) {
      PartitionOffsets tracked = partitions.get(partition);
      if (tracked != null && tracked.hasUncommitted()) {
        offsets.put(partition, new OffsetAndMetadata(tracked.safeOffset()));
      }
    }
    return offsets;
  }

  /** Notes a successful commit, so the same offsets are not committed again. */
  void committed(Map<TopicPartition, OffsetAndMetadata> offsets) {
    offsets.forEach(
        (partition, offset) -> {
          PartitionOffsets tracked = partitions.get(partition);
          if (tracked != null) {
            tracked.committed(offset.offset());
          }
        });
  }

  /** Forgets partitions this consumer no longer owns; their late acknowledgements go nowhere. */
  void forget(Collection<TopicPartition> revoked) {
    revoked.forEach(partitions::remove);
  }

  /** A view for the per-partition gauges. */
  Map<TopicPartition, PartitionOffsets> partitions() {
    return partitions;
  }
}
