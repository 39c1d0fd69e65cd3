package io.paymentflow.bridge.listen;

import io.paymentflow.bridge.BridgeMetrics;
import io.paymentflow.bridge.start.WorkflowStart;
import io.paymentflow.bridge.start.WorkflowStarter;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * Records between Kafka and Temporal: polled but not handed over yet (the backlog, at most one
 * poll's worth), and handed over but not acknowledged yet (in flight, at most {@code
 * max-in-flight-starts}), with the offsets that are safe to commit. Confined to the consumer
 * thread.
 */
final class Pipeline {

  private static final Duration ACK_WAIT = Duration.ofMillis(10);

  private final RecordDecoder decoder;
  private final WorkflowStarter starter;
  private final BridgeMetrics metrics;
  private final int maxInFlight;
  private final long maxInFlightBytes;
  private final OffsetTracker tracker = new OffsetTracker();
  private final InFlightStarts inFlight = new InFlightStarts();
  private final Deque<ConsumerRecord<?, RawValue>> backlog = new ArrayDeque<>();

  Pipeline(
      RecordDecoder decoder,
      WorkflowStarter starter,
      BridgeMetrics metrics,
      int maxInFlight,
      long maxInFlightBytes) {
    this.decoder = decoder;
    this.starter = starter;
    this.metrics = metrics;
    this.maxInFlight = maxInFlight;
    this.maxInFlightBytes = maxInFlightBytes;
  }

  void accept(ConsumerRecords<?, RawValue> records) {
    records.forEach(backlog::add);
  }

  /**
   * Hands records over, in order, while there is room in flight: by count, and by the bytes of the
   * records in flight, so a burst of large records cannot exhaust the heap (one always fits).
   */
  void handOver() {
    while (!backlog.isEmpty() && inFlight.count() < maxInFlight && roomForBytes()) {
      ConsumerRecord<?, RawValue> record = backlog.poll();
      metrics.consumed(record.topic());
      WorkflowStart start = decoder.decode(record);
      TopicPartition partition = new TopicPartition(record.topic(), record.partition());
      PartitionOffsets offsets = tracker.handedOver(partition, record.offset());
      long bytes = record.value() == null ? 0 : record.value().bytes().length;
      inFlight.add(partition, record.offset(), offsets, starter.start(start), bytes);
    }
  }

  private boolean roomForBytes() {
    return inFlight.count() == 0 || inFlight.bytes() < maxInFlightBytes;
  }

  /** Whether records wait for room in flight: then the consumer must not fetch more. */
  boolean backlogged() {
    return !backlog.isEmpty();
  }

  int inFlight() {
    return inFlight.count();
  }

  void applyAcks() throws InterruptedException {
    inFlight.applyAcks(Duration.ZERO);
  }

  /** Waits up to {@code grace} for the in-flight starts of these partitions to be acknowledged. */
  void awaitStarts(Collection<TopicPartition> partitions, Duration grace)
      throws InterruptedException {
    long deadline = System.nanoTime() + grace.toNanos();
    while (inFlight.count(partitions) > 0 && System.nanoTime() - deadline < 0) {
      inFlight.applyAcks(ACK_WAIT);
    }
  }

  Map<TopicPartition, OffsetAndMetadata> committable() {
    return tracker.committable();
  }

  Map<TopicPartition, OffsetAndMetadata> committable(Collection<TopicPartition> partitions) {
    return tracker.committable(partitions);
  }

  void committed(Map<TopicPartition, OffsetAndMetadata> offsets) {
    tracker.committed(offsets);
  }

  /**
   * Lets go of partitions: their unsent records are dropped (whoever owns them next reads them
   * again from the committed offset) and their in-flight starts are cancelled, which stops their
   * retries; a start already under way may still finish, harmlessly, since starts are idempotent.
   */
  void forget(Collection<TopicPartition> partitions) {
    tracker.forget(partitions);
    backlog.removeIf(r -> partitions.contains(new TopicPartition(r.topic(), r.partition())));
    inFlight.cancel(partitions);
  }

  /** On shutdown: nothing more is handed over, and what has not finished is abandoned. */
  void abandonAll() {
    backlog.clear();
    inFlight.cancelAll();
  }

  void dropBacklog() {
    backlog.clear();
  }

  Map<TopicPartition, PartitionOffsets> partitions() {
    return tracker.partitions();
  }
}
