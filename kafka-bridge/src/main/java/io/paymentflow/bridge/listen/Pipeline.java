package io.paymentflow.bridge.listen;

import io.paymentflow.bridge.BridgeMetrics;
import io.paymentflow.bridge.start.WorkflowStart;
import io.paymentflow.bridge.start.WorkflowStarter;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;

/**
 * Records polled but not handed to the starter yet (the backlog, at most one poll's worth), and the
 * rule for handing them over: in order, while the {@link OffsetBook} has room in flight. Confined
 * to the consumer thread.
 */
final class Pipeline {

  private final RecordDecoder decoder;
  private final WorkflowStarter starter;
  private final BridgeMetrics metrics;
  private final OffsetBook book;
  private final int maxInFlight;
  private final long maxInFlightBytes;
  private final Deque<ConsumerRecord<?, RawValue>> backlog = new ArrayDeque<>();

  Pipeline(
      RecordDecoder decoder,
      WorkflowStarter starter,
      BridgeMetrics metrics,
      OffsetBook book,
      int maxInFlight,
      long maxInFlightBytes) {
    this.decoder = decoder;
    this.starter = starter;
    this.metrics = metrics;
    this.book = book;
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
    while (!backlog.isEmpty() && book.inFlight() < maxInFlight && roomForBytes()) {
      ConsumerRecord<?, RawValue> record = backlog.poll();
      metrics.consumed(record.topic());
      WorkflowStart start = decoder.decode(record);
      long bytes = record.value() == null ? 0 : record.value().bytes().length;
      book.handedOver(
          new TopicPartition(record.topic(), record.partition()),
          record.offset(),
          starter.start(start),
          bytes);
    }
  }

  private boolean roomForBytes() {
    return book.inFlight() == 0 || book.inFlightBytes() < maxInFlightBytes;
  }

  /** Whether records wait for room in flight: then the consumer must not fetch more. */
  boolean backlogged() {
    return !backlog.isEmpty();
  }

  /**
   * Drops the unsent records of partitions given up: whoever owns them next reads them again from
   * the committed offset.
   */
  void drop(Collection<TopicPartition> partitions) {
    backlog.removeIf(r -> partitions.contains(new TopicPartition(r.topic(), r.partition())));
  }

  /** On shutdown: nothing more is handed over. */
  void dropAll() {
    backlog.clear();
  }
}
