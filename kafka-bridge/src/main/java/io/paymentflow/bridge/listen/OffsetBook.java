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
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * The bridge's offset bookkeeping: every record handed to the starter and not yet acknowledged, and
 * from that the offset each partition may commit.
 *
 * <h2>When does offset N commit?</h2>
 *
 * <ol>
 *   <li>The consumer thread polls record N of partition P and {@link Pipeline} hands it to the
 *       starter: {@link #handedOver}. N is now <em>pending</em> in P's current assignment.
 *   <li>The start's future completes on a starter thread once Temporal has acknowledged the start
 *       (started, or a duplicate of an existing workflow). That thread only queues the
 *       acknowledgement; the consumer thread applies the queue at the top of each loop ({@link
 *       #applyAcks}), and N stops being pending.
 *   <li>P's <em>safe offset</em> is its lowest pending offset, or one past the highest offset
 *       handed over when none is pending, or further when the consumer skipped offsets past it that
 *       it never returns, transaction markers and aborted records ({@link #skippedTo}; {@link
 *       PartitionOffsets}): Kafka's committed offset means "everything below is done". So N is
 *       covered once N and every offset below it, handed over in this assignment, are acknowledged,
 *       in whatever order the acknowledgements came.
 *   <li>The safe offset is committed by {@link Commits}: asynchronously every {@code
 *       commit-interval} while running; synchronously when P is revoked ({@link Rebalance}, after
 *       waiting up to {@code revoke-grace-period} for P's pending starts) and on shutdown ({@link
 *       BridgeConsumer}, after waiting up to the shutdown grace period).
 * </ol>
 *
 * <p>And when it never does in this assignment: a start that ends without an acknowledgement
 * (cancelled, or the bridge stopping) leaves N pending for good, so nothing at or above N commits;
 * a revoked or lost P is forgotten with its pending starts cancelled, and an acknowledgement that
 * arrives later goes to the forgotten assignment, not to the next one. Either way N's next reader
 * reads it again from the committed offset and starts its workflow again, which the workflow id
 * makes a duplicate, never a second workflow.
 *
 * <p>Confined to the consumer thread, like the consumer itself, except for {@link #inFlight()},
 * which the gauge reads.
 */
final class OffsetBook {

  /** One start in flight, and the bytes of its record. */
  private record Pending(CompletableFuture<StartOutcome> start, long bytes) {}

  /** A partition during one assignment: its offsets and its starts in flight. */
  private static final class Assignment {
    final PartitionOffsets offsets = new PartitionOffsets();
    final Map<Long, Pending> inFlight = new HashMap<>();
  }

  private record Ack(Assignment assignment, long offset, boolean succeeded) {}

  private static final Duration ACK_WAIT = Duration.ofMillis(10);

  private final Map<TopicPartition, Assignment> assignments = new HashMap<>();
  private final BlockingQueue<Ack> acks = new LinkedBlockingQueue<>();

  /** Mirrors the number of starts in flight for the gauge, which is read on other threads. */
  private final AtomicInteger inFlight = new AtomicInteger();

  private long inFlightBytes;

  /**
   * Records that offset {@code offset} of {@code partition} was handed over with this start.
   * Offsets must increase within an assignment, as the consumer returns them.
   */
  void handedOver(
      TopicPartition partition,
      long offset,
      CompletableFuture<StartOutcome> start,
      long recordBytes) {
    Assignment assignment = assignments.computeIfAbsent(partition, p -> new Assignment());
    assignment.offsets.handedOver(offset, System.nanoTime());
    assignment.inFlight.put(offset, new Pending(start, recordBytes));
    inFlight.incrementAndGet();
    inFlightBytes += recordBytes;
    start.whenComplete((outcome, error) -> acks.add(new Ack(assignment, offset, error == null)));
  }

  /**
   * The consumer's next offset in {@code partition} is {@code offset}, past records it did not
   * return (transaction markers, aborted records); every record below it was handed over.
   */
  void skippedTo(TopicPartition partition, long offset) {
    assignments.computeIfAbsent(partition, p -> new Assignment()).offsets.skippedTo(offset);
  }

  /** Applies the acknowledgements that have arrived, waiting up to {@code wait} for the first. */
  void applyAcks(Duration wait) throws InterruptedException {
    Ack ack = wait.isZero() ? acks.poll() : acks.poll(wait.toNanos(), TimeUnit.NANOSECONDS);
    for (; ack != null; ack = acks.poll()) {
      Assignment assignment = ack.assignment();
      if (ack.succeeded()) {
        assignment.offsets.acknowledged(ack.offset());
      }
      Pending pending = assignment.inFlight.remove(ack.offset());
      if (pending != null) { // null: the assignment was forgotten and its starts already counted
        inFlight.decrementAndGet();
        inFlightBytes -= pending.bytes();
      }
    }
  }

  /** Waits up to {@code grace} for the starts in flight on these partitions to be acknowledged. */
  void awaitAcks(Collection<TopicPartition> partitions, Duration grace)
      throws InterruptedException {
    long deadline = System.nanoTime() + grace.toNanos();
    while (inFlight(partitions) > 0 && System.nanoTime() - deadline < 0) {
      applyAcks(ACK_WAIT);
    }
  }

  /** Starts in flight, on all partitions. */
  int inFlight() {
    return inFlight.get();
  }

  /** Starts in flight on these partitions. */
  int inFlight(Collection<TopicPartition> partitions) {
    int n = 0;
    for (TopicPartition partition : partitions) {
      Assignment assignment = assignments.get(partition);
      n += assignment == null ? 0 : assignment.inFlight.size();
    }
    return n;
  }

  /** The bytes of the records whose starts are in flight. */
  long inFlightBytes() {
    return inFlightBytes;
  }

  /** Safe offsets not yet committed, for all partitions. */
  Map<TopicPartition, OffsetAndMetadata> committable() {
    return committable(assignments.keySet());
  }

  /** Safe offsets not yet committed, for these partitions. */
  Map<TopicPartition, OffsetAndMetadata> committable(Collection<TopicPartition> partitions) {
    Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
    for (TopicPartition partition : partitions) {
      Assignment assignment = assignments.get(partition);
      if (assignment != null && assignment.offsets.hasUncommitted()) {
        offsets.put(partition, new OffsetAndMetadata(assignment.offsets.safeOffset()));
      }
    }
    return offsets;
  }

  /** Notes a successful commit, so the same offsets are not committed again. */
  void committed(Map<TopicPartition, OffsetAndMetadata> offsets) {
    offsets.forEach(
        (partition, offset) -> {
          Assignment assignment = assignments.get(partition);
          if (assignment != null) {
            assignment.offsets.committed(offset.offset());
          }
        });
  }

  /**
   * Forgets partitions this consumer no longer owns: their starts in flight are cancelled, which
   * stops their retries (one already under way may still finish, harmlessly), and their late
   * acknowledgements go nowhere.
   */
  void forget(Collection<TopicPartition> partitions) {
    for (TopicPartition partition : partitions) {
      Assignment forgotten = assignments.remove(partition);
      if (forgotten != null) {
        cancel(forgotten);
      }
    }
  }

  /**
   * On shutdown: cancels every start in flight but keeps the offsets, so a last commit stops at the
   * first record that was not acknowledged.
   */
  void abandonAll() {
    List.copyOf(assignments.values()).forEach(this::cancel);
  }

  private void cancel(Assignment assignment) {
    inFlight.addAndGet(-assignment.inFlight.size());
    for (Pending pending : assignment.inFlight.values()) {
      inFlightBytes -= pending.bytes();
      pending.start().cancel(false);
    }
    assignment.inFlight.clear();
  }

  /** Each current partition's offsets, for the per-partition gauges. */
  Map<TopicPartition, PartitionOffsets> partitions() {
    Map<TopicPartition, PartitionOffsets> view = new HashMap<>();
    assignments.forEach((partition, assignment) -> view.put(partition, assignment.offsets));
    return view;
  }
}
