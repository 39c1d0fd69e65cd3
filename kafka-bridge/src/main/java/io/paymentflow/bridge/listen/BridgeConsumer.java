package io.paymentflow.bridge.listen;

import io.paymentflow.bridge.BridgeProperties;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.CloseOptions.GroupMembershipOperation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The poll loop: one thread owns the Kafka consumer, hands records to the pipeline, pauses the
 * consumer while the pipeline is full, and commits what has been acknowledged.
 *
 * <p>Why a plain poll loop rather than a spring-kafka listener container: the container's
 * out-of-order acknowledgements ({@code asyncAcks}) pause the consumer until every record of the
 * previous poll is acknowledged, so the pipeline drains at each poll boundary and one retrying
 * start stalls every partition; in spring-kafka 4.0.x they also have rebalance defects (stale
 * acknowledgements after a revoke and re-assign leaving the consumer paused, spring-kafka#4687,
 * fixed after the 4.0.6 we use). And committing our own safe offsets needs a hook on the consumer
 * thread that runs even when no records arrive, which a listener does not get. The consumer still
 * comes from spring-kafka's {@code ConsumerFactory}, so {@code spring.kafka.*} settings (security,
 * client metrics) apply.
 */
final class BridgeConsumer implements Runnable {

  private static final Logger log = LoggerFactory.getLogger(BridgeConsumer.class);

  /** How often a paused consumer looks for acknowledgements; short, so the pipeline stays full. */
  private static final Duration BACKPRESSURE_POLL = Duration.ofMillis(5);

  private final org.apache.kafka.clients.consumer.Consumer<?, RawValue> consumer;
  private final OffsetBook book;
  private final Pipeline pipeline;
  private final Commits commits;
  private final PartitionGauges gauges;
  private final BridgeProperties properties;
  private final Duration shutdownGrace;
  private final Consumer<Throwable> onDeath;
  private final CompletableFuture<Void> exited = new CompletableFuture<>();
  private volatile boolean stopping;
  private volatile long heldBytes; // a copy for the gauge, read on other threads
  private boolean paused;

  BridgeConsumer(
      org.apache.kafka.clients.consumer.Consumer<?, RawValue> consumer,
      OffsetBook book,
      Pipeline pipeline,
      PartitionGauges gauges,
      BridgeProperties properties,
      Duration shutdownGrace,
      Consumer<Throwable> onDeath) {
    this.consumer = consumer;
    this.book = book;
    this.pipeline = pipeline;
    this.commits = new Commits(consumer, book, gauges, properties.commitInterval());
    this.gauges = gauges;
    this.properties = properties;
    this.shutdownGrace = shutdownGrace;
    this.onDeath = onDeath;
  }

  @Override
  public void run() {
    try {
      consumer.subscribe(
          List.of(properties.inputTopic(), properties.dlqTopic()),
          new Rebalance(
              consumer, book, pipeline, commits, properties.revokeGracePeriod(), () -> paused));
      while (!stopping) {
        book.applyAcks(Duration.ZERO);
        pipeline.handOver();
        // Fetch nothing more while records wait for room in flight, or while one more poll
        // would take the bytes held past their bound.
        holdWhile(pipeline.backlogged() || !pipeline.roomForPoll());
        pipeline.accept(consumer.poll(paused ? BACKPRESSURE_POLL : properties.pollTimeout()));
        heldBytes = pipeline.heldBytes();
        commits.commitIfDue();
      }
      drainAndCommit();
      consumer.close(
          CloseOptions.groupMembershipOperation(GroupMembershipOperation.LEAVE_GROUP)
              .withTimeout(Commits.SYNC_TIMEOUT));
    } catch (Throwable e) {
      log.error("The Kafka consumer loop died; the bridge consumes nothing until restarted", e);
      closeQuietly();
      onDeath.accept(e);
    } finally {
      gauges.update(Map.of());
      heldBytes = 0;
      exited.complete(null);
    }
  }

  /** Asks the loop to stop; it finishes within the shutdown grace period. */
  void requestStop() {
    stopping = true;
  }

  /** Completes when the loop has exited, for whatever reason. */
  CompletableFuture<Void> exited() {
    return exited;
  }

  int inFlight() {
    return book.inFlight();
  }

  /** The bytes of the records polled and not yet acknowledged, as of the last poll. */
  long heldBytes() {
    return heldBytes;
  }

  /**
   * SIGTERM: fetch nothing more, give in-flight starts the grace period (minus time to commit and
   * leave the group), then commit exactly what was acknowledged. The consumer keeps polling,
   * paused, so that a rebalance meanwhile is still served.
   */
  private void drainAndCommit() throws InterruptedException {
    holdWhile(true);
    pipeline.dropAll();
    Duration wait = shutdownGrace.minus(Commits.SYNC_TIMEOUT.multipliedBy(2));
    long deadline = System.nanoTime() + Math.max(0, wait.toNanos());
    while (book.inFlight() > 0 && System.nanoTime() - deadline < 0) {
      book.applyAcks(Duration.ZERO);
      consumer.poll(BACKPRESSURE_POLL);
    }
    book.applyAcks(Duration.ZERO);
    if (book.inFlight() > 0) {
      log.warn("Abandoning {} unacknowledged starts; they will be redelivered", book.inFlight());
    }
    book.abandonAll();
    commits.commitSync(book.committable());
  }

  private void holdWhile(boolean hold) {
    if (hold && !paused) {
      consumer.pause(consumer.assignment());
      paused = true;
    } else if (!hold && paused) {
      consumer.resume(consumer.assignment());
      paused = false;
    }
  }

  private void closeQuietly() {
    try {
      consumer.close(CloseOptions.timeout(Duration.ZERO));
    } catch (RuntimeException ignored) {
      // already failing; the consumer's resources are released either way
    }
  }
}
