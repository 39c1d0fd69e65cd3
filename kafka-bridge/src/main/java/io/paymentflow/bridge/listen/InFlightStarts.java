package io.paymentflow.bridge.listen;

import io.paymentflow.bridge.start.StartOutcome;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.common.TopicPartition;

/**
 * Starts handed over and not yet acknowledged, by partition and offset. A start completes on a
 * starter thread, which only queues its acknowledgement; the consumer thread applies the queue to
 * the offsets (to which the rest of this class is confined). An acknowledgement carries the {@link
 * PartitionOffsets} and the future it was made for, so one that arrives after its partition was
 * revoked, or re-assigned and read again, changes nothing current.
 */
final class InFlightStarts {

  private record Ack(
      TopicPartition partition,
      long offset,
      PartitionOffsets offsets,
      CompletableFuture<StartOutcome> start,
      boolean succeeded) {}

  /** A start in flight and the bytes of the record it is for. */
  private record Pending(CompletableFuture<StartOutcome> start, long bytes) {}

  private final Map<TopicPartition, Map<Long, Pending>> starts = new HashMap<>();
  private final BlockingQueue<Ack> acks = new LinkedBlockingQueue<>();

  /** Mirrors the map's size for the gauge, which is read on other threads. */
  private final AtomicInteger count = new AtomicInteger();

  private long bytes;

  void add(
      TopicPartition partition,
      long offset,
      PartitionOffsets offsets,
      CompletableFuture<StartOutcome> start,
      long recordBytes) {
    starts
        .computeIfAbsent(partition, p -> new HashMap<>())
        .put(offset, new Pending(start, recordBytes));
    count.incrementAndGet();
    bytes += recordBytes;
    start.whenComplete(
        (outcome, error) -> acks.add(new Ack(partition, offset, offsets, start, error == null)));
  }

  int count() {
    return count.get();
  }

  /** The bytes of the records whose starts are in flight. */
  long bytes() {
    return bytes;
  }

  int count(Collection<TopicPartition> partitions) {
    int n = 0;
    for (TopicPartition partition : partitions) {
      n += starts.getOrDefault(partition, Map.of()).size();
    }
    return n;
  }

  /** Applies the acknowledgements that have arrived, waiting up to {@code wait} for one. */
  void applyAcks(Duration wait) throws InterruptedException {
    Ack ack = wait.isZero() ? acks.poll() : acks.poll(wait.toNanos(), TimeUnit.NANOSECONDS);
    for (; ack != null; ack = acks.poll()) {
      if (ack.succeeded()) {
        ack.offsets().acknowledged(ack.offset()); // a forgotten instance: tracked by no one
      }
      Map<Long, Pending> current = starts.get(ack.partition());
      Pending pending = current == null ? null : current.get(ack.offset());
      if (pending != null && pending.start() == ack.start()) {
        current.remove(ack.offset());
        count.decrementAndGet();
        bytes -= pending.bytes();
      }
    }
  }

  /** Cancels the starts of these partitions, which stops their retries, and forgets them. */
  void cancel(Collection<TopicPartition> partitions) {
    for (TopicPartition partition : partitions) {
      Map<Long, Pending> removed = starts.remove(partition);
      if (removed != null) {
        count.addAndGet(-removed.size());
        removed
            .values()
            .forEach(
                pending -> {
                  bytes -= pending.bytes();
                  pending.start().cancel(false);
                });
      }
    }
  }

  void cancelAll() {
    cancel(List.copyOf(starts.keySet()));
  }
}
