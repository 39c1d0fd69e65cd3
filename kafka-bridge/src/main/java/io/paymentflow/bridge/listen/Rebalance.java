package io.paymentflow.bridge.listen;

import java.time.Duration;
import java.util.Collection;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands partitions over cleanly. Revoked: wait briefly for their in-flight starts, commit what was
 * acknowledged (synchronously, while this member still owns them), then forget them so that late
 * acknowledgements cannot count. Lost: forget only. Called on the consumer thread, inside poll and
 * close.
 */
final class Rebalance implements ConsumerRebalanceListener {

  private static final Logger log = LoggerFactory.getLogger(Rebalance.class);

  private final Consumer<?, ?> consumer;
  private final OffsetBook book;
  private final Pipeline pipeline;
  private final Commits commits;
  private final Duration revokeGrace;
  private final BooleanSupplier paused;

  Rebalance(
      Consumer<?, ?> consumer,
      OffsetBook book,
      Pipeline pipeline,
      Commits commits,
      Duration revokeGrace,
      BooleanSupplier paused) {
    this.consumer = consumer;
    this.book = book;
    this.pipeline = pipeline;
    this.commits = commits;
    this.revokeGrace = revokeGrace;
    this.paused = paused;
  }

  @Override
  public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
    if (partitions.isEmpty()) {
      return;
    }
    try {
      book.awaitAcks(partitions, revokeGrace);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    commits.commitSync(book.committable(partitions));
    forget(partitions);
    log.info("Partitions revoked from {}: {}", member(), partitions);
  }

  /** Another member may own them already, so nothing is committed. */
  @Override
  public void onPartitionsLost(Collection<TopicPartition> partitions) {
    forget(partitions);
    log.warn("Partitions lost by {}: {}", member(), partitions);
  }

  @Override
  public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
    if (paused.getAsBoolean()) {
      consumer.pause(partitions); // the pipeline is full: new partitions wait as well
    }
    if (!partitions.isEmpty()) {
      log.info("Partitions assigned to {}: {}", member(), partitions);
    }
  }

  private void forget(Collection<TopicPartition> partitions) {
    book.forget(partitions);
    pipeline.drop(partitions);
  }

  private String member() {
    return consumer.groupMetadata().memberId();
  }
}
