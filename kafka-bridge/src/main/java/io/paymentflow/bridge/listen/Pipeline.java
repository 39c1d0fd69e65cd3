package io.paymentflow.bridge.listen;

import io.paymentflow.bridge.BridgeMetrics;
import io.paymentflow.bridge.start.StartOutcome;
import io.paymentflow.bridge.start.WorkflowStart;
import io.paymentflow.bridge.start.WorkflowStarter;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * Records between Kafka and Temporal: polled but not handed over yet (the backlog, at most one
 * poll's worth), and handed over but not acknowledged yet (in flight, at most {@code
 * max-in-flight-starts}). Starts complete on other threads; their acknowledgements queue up here
 * and are applied on the consumer thread, to which everything else is confined.
 */
final class Pipeline {

  private record Ack(
      TopicPartition partition,
      long offset,
      PartitionOffsets offsets,
      CompletableFuture<StartOutcome> start,
      boolean succeeded) {}

  private static final Duration ACK_WAIT = Duration.ofMillis(10);

  private final RecordDecoder decoder;
  private final WorkflowStarter starter;
  private final BridgeMetrics metrics;
  private final int maxInFlight;
  private final OffsetTracker tracker = new OffsetTracker();
  private final Deque<ConsumerRecord<?, RawValue>> backlog = new ArrayDeque<>();
  private final Map<TopicPartition, Map<Long, CompletableFuture<StartOutcome>>> inFlight =
      new HashMap<>();
  private final BlockingQueue<Ack> acks = new LinkedBlockingQueue<>();

  /** Mirrors the in-flight map's size for the gauge, which is read on other threads. */
  private final AtomicInteger inFlightCount = new AtomicInteger();

  Pipeline(RecordDecoder decoder, WorkflowStarter starter, BridgeMetrics metrics, int maxInFlight) {
    this.decoder = decoder;
    this.starter = starter;
    this.metrics = metrics;
    this.maxInFlight = maxInFlight;
  }

  void accept(ConsumerRecords<?, RawValue> records) {
    records.forEach(backlog::add);
  }

  /** Hands records over, in order, while there is room in flight. */
  void handOver() {
    while (!backlog.isEmpty() && inFlightCount.get() < maxInFlight) {
      handOver(backlog.poll());
    }
  }

  private void handOver(ConsumerRecord<?, RawValue> record) {
    metrics.consumed(record.topic());
    WorkflowStart start = decoder.decode(record);
    TopicPartition partition = new TopicPartition(record.topic(), record.partition());
    long offset = record.offset();
    PartitionOffsets offsets = tracker.handedOver(partition, offset);
    CompletableFuture<StartOutcome> future = starter.start(start);
    inFlight.computeIfAbsent(partition, p -> new HashMap<>()).put(offset, future);
    inFlightCount.incrementAndGet();
    future.whenComplete(
        (outcome, error) -> acks.add(new Ack(partition, offset, offsets, future, error == null)));
  }

  /** Whether records wait for room in flight: then the consumer must not fetch more. */
  boolean backlogged() {
    return !backlog.isEmpty();
  }

  int inFlight() {
    return inFlightCount.get();
  }

  /** Applies the acknowledgements that have arrived, waiting up to {@code wait} for one. */
  void applyAcks(Duration wait) throws InterruptedException {
    Ack ack = wait.isZero() ? acks.poll() : acks.poll(wait.toNanos(), TimeUnit.NANOSECONDS);
    for (; ack != null; ack = acks.poll()) {
      if (ack.succeeded()) {
        ack.offsets().acknowledged(ack.offset()); // a stale instance is no longer tracked: no-op
      }
      Map<Long, CompletableFuture<StartOutcome>> starts = inFlight.get(ack.partition());
      if (starts != null && starts.remove(ack.offset(), ack.start())) {
        inFlightCount.decrementAndGet();
      }
    }
  }

  /** Waits up to {@code grace} for the in-flight starts of these partitions to be acknowledged. */
  void awaitStarts(Collection<TopicPartition> partitions, Duration grace)
      throws InterruptedException {
    long deadline = System.nanoTime() + grace.toNanos();
    while (inFlight(partitions) > 0 && System.nanoTime() < deadline) {
      applyAcks(ACK_WAIT);
    }
  }

  private int inFlight(Collection<TopicPartition> partitions) {
    int count = 0;
    for (TopicPartition partition : partitions) {
      count += inFlight.getOrDefault(partition, Map.of()).size();
    }
    return count;
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
    for (TopicPartition partition : partitions) {
      Map<Long, CompletableFuture<StartOutcome>> starts = inFlight.remove(partition);
      if (starts != null) {
        inFlightCount.addAndGet(-starts.size());
        starts.values().forEach(start -> start.cancel(false));
      }
    }
  }

  /** On shutdown: nothing more is handed over, and what has not finished is abandoned. */
  void abandonAll() {
    backlog.clear();
    inFlight.values().forEach(starts -> starts.values().forEach(start -> start.cancel(false)));
    inFlight.clear();
    inFlightCount.set(0);
  }

  void dropBacklog() {
    backlog.clear();
  }

  Map<TopicPartition, PartitionOffsets> partitions() {
    return tracker.partitions();
  }
}
