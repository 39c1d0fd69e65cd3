package io.paymentflow.bridge.listen;

import java.util.OptionalLong;
import java.util.TreeMap;

/**
 * The records of one partition, during one assignment, that were handed to the starter: which are
 * still unacknowledged, and so how far the committed offset may go.
 *
 * <p>Kafka keeps one committed offset per partition, meaning "everything below is done". So the
 * safe offset is the lowest unacknowledged offset, or one past the highest handed-over offset when
 * all are acknowledged. Acknowledgements may come in any order; gaps in the offsets (compaction,
 * transaction markers, aborted records) need no special case between records, and past the last one
 * the consumer's next offset says how far they go ({@link #skippedTo}). Confined to the consumer
 * thread.
 */
final class PartitionOffsets {

  /** Offset to when it was handed over ({@link System#nanoTime}). */
  private final TreeMap<Long, Long> unacknowledged = new TreeMap<>();

  private long next = -1;
  private long committed = -1;

  /**
   * Offsets must increase, as the consumer returns them within one assignment. The first one is
   * where this assignment started reading, that is the group's committed offset: the baseline.
   */
  void handedOver(long offset, long nanoTime) {
    if (offset < next) {
      throw new IllegalStateException("offset " + offset + " handed over after " + (next - 1));
    }
    if (next < 0) {
      committed = offset;
    }
    unacknowledged.put(offset, nanoTime);
    next = offset + 1;
  }

  /**
   * The consumer's next offset is {@code offset}: it moved past records it never returned
   * (transaction markers, records of aborted transactions), so once every record handed over is
   * acknowledged the committed offset may go there, and the group's lag can reach 0. When nothing
   * was handed over yet, what the group committed is unknown: {@code committed} stays below 0, so
   * the next commit goes there.
   */
  void skippedTo(long offset) {
    if (offset > next) {
      next = offset;
    }
  }

  /** Unknown or repeated offsets are ignored. */
  void acknowledged(long offset) {
    unacknowledged.remove(offset);
  }

  /** The offset to commit: every record below it is acknowledged; -1 before any hand-over. */
  long safeOffset() {
    return unacknowledged.isEmpty() ? next : unacknowledged.firstKey();
  }

  /** Whether the safe offset is beyond what was last committed. */
  boolean hasUncommitted() {
    return safeOffset() > committed;
  }

  void committed(long offset) {
    committed = Math.max(committed, offset);
  }

  /** Acknowledged records that a commit has not covered yet. */
  long uncommitted() {
    return next < 0 || committed < 0 ? 0 : safeOffset() - committed;
  }

  int pending() {
    return unacknowledged.size();
  }

  /**
   * When the oldest unacknowledged record was handed over ({@link System#nanoTime}), if any: the
   * lowest offset, as offsets are handed over in order. While it waits, nothing above it commits.
   */
  OptionalLong oldestPendingSince() {
    return unacknowledged.isEmpty()
        ? OptionalLong.empty()
        : OptionalLong.of(unacknowledged.firstEntry().getValue());
  }
}
