package io.paymentflow.bridge.listen;

import java.time.Duration;
import java.util.Map;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RebalanceInProgressException;
import org.apache.kafka.common.errors.RetriableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Commits the {@link OffsetBook}'s safe offsets: asynchronously at an interval while running (a
 * failed commit is simply redone at the next one), synchronously when partitions are given up. Runs
 * on the consumer thread; commit callbacks do too, inside a later poll.
 */
final class Commits {

  private static final Logger log = LoggerFactory.getLogger(Commits.class);

  static final Duration SYNC_TIMEOUT = Duration.ofSeconds(5);

  private final Consumer<?, ?> consumer;
  private final OffsetBook book;
  private final PartitionGauges gauges;
  private final long intervalNanos;
  private long next = System.nanoTime();

  Commits(Consumer<?, ?> consumer, OffsetBook book, PartitionGauges gauges, Duration interval) {
    this.consumer = consumer;
    this.book = book;
    this.gauges = gauges;
    this.intervalNanos = interval.toNanos();
  }

  void commitIfDue() {
    long now = System.nanoTime();
    if (now - next < 0) {
      return;
    }
    next = now + intervalNanos;
    gauges.update(book.partitions());
    Map<TopicPartition, OffsetAndMetadata> offsets = book.committable();
    if (!offsets.isEmpty()) {
      consumer.commitAsync(
          offsets,
          (committed, error) -> {
            if (error == null) {
              book.committed(committed);
            } else if (error instanceof RetriableException
                || error instanceof RebalanceInProgressException) {
              // Expected while the group rebalances; the next interval commits again.
              log.debug("Commit deferred to the next interval: {}", error.toString());
            } else {
              log.warn("Commit failed, redone at the next interval: {}", error.toString());
            }
          });
    }
  }

  /** Failure only means redelivery to whoever reads these partitions next, never a loss. */
  void commitSync(Map<TopicPartition, OffsetAndMetadata> offsets) {
    if (offsets.isEmpty()) {
      return;
    }
    try {
      consumer.commitSync(offsets, SYNC_TIMEOUT);
      book.committed(offsets);
    } catch (RuntimeException e) {
      log.warn("Could not commit {}; those records will be redelivered: {}", offsets, e.toString());
    }
  }
}
