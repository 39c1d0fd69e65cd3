package io.paymentflow.bridge.listen;

import io.paymentflow.bridge.BridgeMetrics;
import io.paymentflow.bridge.start.WorkflowStart;
import io.paymentflow.bridge.start.WorkflowStarter;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;

/**
 * Records polled but not handed to the starter yet (the backlog, at most one poll's worth), and the
 * rules for handing them over (in order, while the {@link OffsetBook} has room in flight) and for
 * polling more. Confined to the consumer thread.
 *
 * <p>Every record polled and not yet acknowledged is in the heap: in the backlog, or in flight,
 * decoded and copied again by the SDK's call. Counting records does not bound that when they are
 * near the 1 MiB size bound, so the bytes are bounded too: in flight by {@code
 * max-in-flight-bytes}, and altogether by {@code max-held-bytes}, below which the consumer polls
 * only while one more poll's worth ({@code fetch.max.bytes}) still fits.
 */
final class Pipeline {

  private final RecordDecoder decoder;
  private final WorkflowStarter starter;
  private final BridgeMetrics metrics;
  private final OffsetBook book;
  private final int maxInFlight;
  private final long maxInFlightBytes;
  private final long maxHeldBytes;
  private final long pollBytes;
  private final Deque<ConsumerRecord<?, RawValue>> backlog = new ArrayDeque<>();
  private long backlogBytes;

  /** Where the consumer reads next, per partition, once the backlog's records are handed over. */
  private final Map<TopicPartition, Long> nextOffsets = new HashMap<>();

  /**
   * @param maxHeldBytes the bound on the bytes of the backlog and the records in flight together
   * @param pollBytes the most one poll returns from one broker: the consumer's {@code
   *     fetch.max.bytes}
   */
  Pipeline(
      RecordDecoder decoder,
      WorkflowStarter starter,
      BridgeMetrics metrics,
      OffsetBook book,
      int maxInFlight,
      long maxInFlightBytes,
      long maxHeldBytes,
      long pollBytes) {
    this.decoder = decoder;
    this.starter = starter;
    this.metrics = metrics;
    this.book = book;
    this.maxInFlight = maxInFlight;
    this.maxInFlightBytes = maxInFlightBytes;
    this.maxHeldBytes = maxHeldBytes;
    this.pollBytes = pollBytes;
  }

  void accept(ConsumerRecords<?, RawValue> records) {
    for (ConsumerRecord<?, RawValue> record : records) {
      backlog.add(record);
      backlogBytes += bytes(record);
    }
    // Past the last record returned there may be offsets the consumer skipped (transaction
    // markers, aborted records): the next offset tells, even when a poll returns no record.
    records.nextOffsets().forEach((p, next) -> nextOffsets.merge(p, next.offset(), Math::max));
    skipIfDrained();
  }

  /**
   * Hands records over, in order, while there is room in flight: by count, and by the bytes of the
   * records in flight, so a burst of large records cannot exhaust the heap (one always fits).
   */
  void handOver() {
    while (!backlog.isEmpty() && book.inFlight() < maxInFlight && roomForBytes()) {
      ConsumerRecord<?, RawValue> record = backlog.poll();
      long bytes = bytes(record);
      backlogBytes -= bytes;
      metrics.consumed(record.topic());
      WorkflowStart start = decoder.decode(record);
      book.handedOver(
          new TopicPartition(record.topic(), record.partition()),
          record.offset(),
          starter.start(start),
          bytes);
    }
    skipIfDrained();
  }

  /**
   * Once the backlog is handed over, every record below the consumer's next offsets was handed
   * over: the offsets between are invisible ones, which the committed offset may pass.
   */
  private void skipIfDrained() {
    if (backlog.isEmpty() && !nextOffsets.isEmpty()) {
      nextOffsets.forEach(book::skippedTo);
      nextOffsets.clear();
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
   * Whether one more poll fits below {@code max-held-bytes}, next to the records held now; when
   * none is held, a poll is always allowed, so a bound set below one poll slows the bridge but
   * never stops it.
   */
  boolean roomForPoll() {
    long held = heldBytes();
    return held == 0 || held + pollBytes <= maxHeldBytes;
  }

  /** The bytes of the records polled and not yet acknowledged: the backlog and those in flight. */
  long heldBytes() {
    return backlogBytes + book.inFlightBytes();
  }

  /**
   * Drops the unsent records of partitions given up: whoever owns them next reads them again from
   * the committed offset.
   */
  void drop(Collection<TopicPartition> partitions) {
    backlog.removeIf(
        r -> {
          boolean dropped = partitions.contains(new TopicPartition(r.topic(), r.partition()));
          if (dropped) {
            backlogBytes -= bytes(r);
          }
          return dropped;
        });
    nextOffsets.keySet().removeAll(partitions);
  }

  /** On shutdown: nothing more is handed over. */
  void dropAll() {
    backlog.clear();
    backlogBytes = 0;
    nextOffsets.clear();
  }

  /** What the bridge holds of a record: all of it, or the prefix of an oversized one. */
  private static long bytes(ConsumerRecord<?, RawValue> record) {
    return record.value() == null ? 0 : record.value().bytes().length;
  }
}
