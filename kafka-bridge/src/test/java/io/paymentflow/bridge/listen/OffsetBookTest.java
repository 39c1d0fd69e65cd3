package io.paymentflow.bridge.listen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.paymentflow.bridge.start.StartOutcome;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

/** The answers {@link OffsetBook}'s Javadoc gives to "when does offset N commit?", one by one. */
class OffsetBookTest {

  private static final TopicPartition P0 = new TopicPartition("payments", 0);
  private static final TopicPartition P1 = new TopicPartition("payments", 1);

  private final OffsetBook book = new OffsetBook();

  /** The start of each handed-over (partition, offset), to complete as the starter would. */
  private final Map<TopicPartition, Map<Long, CompletableFuture<StartOutcome>>> starts =
      new HashMap<>();

  @Test
  void nothingIsCommittableBeforeAnyRecordIsAcknowledged() throws Exception {
    assertThat(book.committable()).isEmpty();
    handOver(P0, 0, 1, 2);
    book.applyAcks(Duration.ZERO);
    assertThat(book.committable()).isEmpty();
  }

  @Test
  void anAcknowledgementCountsOnlyOnceTheConsumerThreadAppliesIt() throws Exception {
    handOver(P0, 5);
    start(P0, 5).complete(StartOutcome.STARTED);
    assertThat(book.inFlight()).isEqualTo(1);
    assertThat(book.committable()).isEmpty();

    book.applyAcks(Duration.ZERO);

    assertThat(book.inFlight()).isZero();
    assertThat(book.committable()).isEqualTo(commit(P0, 6));
  }

  @Test
  void commitsStopAtTheLowestUnacknowledgedOffsetWhateverTheAckOrder() throws Exception {
    handOver(P0, 0, 1, 2, 3, 4);

    ack(P0, 3, 1, 4);
    assertThat(book.committable()).as("offset 0 is still in flight").isEmpty();

    ack(P0, 0);
    assertThat(book.committable()).isEqualTo(commit(P0, 2));

    ack(P0, 2);
    assertThat(book.committable()).isEqualTo(commit(P0, 5));
  }

  @Test
  void aDuplicateIsAnAcknowledgementLikeAStart() throws Exception {
    handOver(P0, 0);
    start(P0, 0).complete(StartOutcome.DUPLICATE);
    book.applyAcks(Duration.ZERO);

    assertThat(book.committable()).isEqualTo(commit(P0, 1));
  }

  @Test
  void gapsInOffsetsNeedNoAcknowledgement() throws Exception {
    handOver(P0, 10, 11, 15, 20); // compaction or transaction markers

    ack(P0, 20, 15);
    assertThat(book.committable()).isEmpty();
    ack(P0, 10);
    assertThat(book.committable()).isEqualTo(commit(P0, 11));
    ack(P0, 11);
    assertThat(book.committable()).isEqualTo(commit(P0, 21));
  }

  @Test
  void offsetsTheConsumerSkippedPastTheLastRecordCommitOnceItIsAcknowledged() throws Exception {
    handOver(P0, 10, 11); // then 12..14: an aborted transaction and its marker, never returned
    book.skippedTo(P0, 15);
    assertThat(book.committable()).isEmpty();

    ack(P0, 11);
    assertThat(book.committable()).as("10 is still in flight").isEmpty();
    ack(P0, 10);
    assertThat(book.committable()).isEqualTo(commit(P0, 15));
  }

  @Test
  void aPartitionWithOnlySkippedOffsetsCommitsPastThem() throws Exception {
    book.skippedTo(P1, 7); // a first poll that met only markers and aborted records
    assertThat(book.committable()).isEqualTo(commit(P1, 7));
    assertThat(book.partitions().get(P1).uncommitted()).isZero();

    book.committed(book.committable());
    handOver(P1, 7);
    ack(P1, 7);
    assertThat(book.committable()).isEqualTo(commit(P1, 8));
  }

  @Test
  void theOldestPendingStartIsTheLowestUnacknowledgedOffsetsHandOver() {
    PartitionOffsets offsets = new PartitionOffsets();
    assertThat(offsets.oldestPendingSince()).isEmpty();
    offsets.handedOver(10, 1_000);
    offsets.handedOver(11, 2_000);
    offsets.handedOver(12, 3_000);

    offsets.acknowledged(11);
    assertThat(offsets.oldestPendingSince()).as("10 still waits").hasValue(1_000);
    offsets.acknowledged(10);
    assertThat(offsets.oldestPendingSince()).hasValue(3_000);
    offsets.acknowledged(12);
    assertThat(offsets.oldestPendingSince()).isEmpty();
  }

  @Test
  void aStuckPartitionDoesNotHoldBackAnother() throws Exception {
    handOver(P0, 0, 1);
    handOver(P1, 7, 8);

    ack(P1, 8, 7);

    assertThat(book.committable()).isEqualTo(commit(P1, 9));
    assertThat(book.inFlight(List.of(P0))).isEqualTo(2);
    assertThat(book.inFlight()).isEqualTo(2);
  }

  @Test
  void aStartThatEndsWithoutAcknowledgementLeavesTheFlightButHoldsItsOffset() throws Exception {
    handOver(P0, 5, 6);
    start(P0, 5).completeExceptionally(new IllegalStateException("bridge stopping"));
    ack(P0, 6);

    assertThat(book.inFlight()).isZero();
    assertThat(book.committable()).as("5 was never acknowledged").isEmpty();
  }

  @Test
  void committedOffsetsAreNotCommittedAgain() throws Exception {
    handOver(P0, 0, 1);
    ack(P0, 0);
    book.committed(book.committable());

    assertThat(book.committable()).isEmpty();
    ack(P0, 1);
    assertThat(book.committable()).isEqualTo(commit(P0, 2));
  }

  @Test
  void anOlderCommitConfirmationDoesNotMoveTheMarkBack() throws Exception {
    handOver(P0, 0, 1, 2);
    ack(P0, 0, 1, 2);
    book.committed(commit(P0, 3));
    book.committed(commit(P0, 1)); // a slower asynchronous commit confirmed late

    assertThat(book.committable()).isEmpty();
  }

  @Test
  void committableCanBeAskedForRevokedPartitionsOnly() throws Exception {
    handOver(P0, 0);
    handOver(P1, 0);
    ack(P0, 0);
    ack(P1, 0);

    assertThat(book.committable(List.of(P1))).isEqualTo(commit(P1, 1));
  }

  @Test
  void aForgottenPartitionsStartsAreCancelledAndTheirLateAcksTouchNothingCurrent()
      throws Exception {
    handOver(P0, 5, 6);
    CompletableFuture<StartOutcome> old = start(P0, 5);
    book.forget(List.of(P0));
    assertThat(old).isCancelled();
    assertThat(book.inFlight()).isZero();
    assertThat(book.committable()).isEmpty();

    handOver(P0, 5, 6); // read again from the committed offset
    book.applyAcks(Duration.ZERO); // the cancellations' acknowledgements

    assertThat(book.inFlight()).isEqualTo(2);
    assertThat(book.committable()).as("the new delivery of 5 is still in flight").isEmpty();
    ack(P0, 5);
    assertThat(book.committable()).isEqualTo(commit(P0, 6));
  }

  @Test
  void abandoningOnShutdownCancelsEveryStartAndCommitsOnlyBelowTheFirstUnacknowledged()
      throws Exception {
    handOver(P0, 0, 1, 2);
    ack(P0, 0, 2);
    CompletableFuture<StartOutcome> one = start(P0, 1);

    book.abandonAll();
    book.applyAcks(Duration.ZERO);

    assertThat(one).isCancelled();
    assertThat(book.inFlight()).isZero();
    assertThat(book.inFlightBytes()).isZero();
    assertThat(book.committable()).isEqualTo(commit(P0, 1));
  }

  @Test
  void awaitingAcksReturnsOnceThePartitionsStartsAreAcknowledged() throws Exception {
    handOver(P0, 0);
    handOver(P1, 0);
    CompletableFuture.runAsync(() -> start(P0, 0).complete(StartOutcome.STARTED));

    book.awaitAcks(List.of(P0), Duration.ofSeconds(10));

    assertThat(book.inFlight(List.of(P0))).isZero();
    assertThat(book.inFlight(List.of(P1))).isEqualTo(1);
  }

  @Test
  void awaitingAcksGivesUpAfterTheGrace() throws Exception {
    handOver(P0, 0);
    long began = System.nanoTime();

    book.awaitAcks(List.of(P0), Duration.ofMillis(50));

    assertThat(Duration.ofNanos(System.nanoTime() - began))
        .isGreaterThanOrEqualTo(Duration.ofMillis(50));
    assertThat(book.inFlight()).isEqualTo(1);
  }

  @Test
  void bytesOfTheRecordsInFlightAreReleasedByTheirAckOrTheirPartitionsForgetting()
      throws Exception {
    book.handedOver(P0, 1, newStart(P0, 1), 700);
    book.handedOver(P1, 1, newStart(P1, 1), 300);
    assertThat(book.inFlightBytes()).isEqualTo(1000);

    ack(P0, 1);
    assertThat(book.inFlightBytes()).isEqualTo(300);
    book.forget(List.of(P1));
    assertThat(book.inFlightBytes()).isZero();
  }

  @Test
  void repeatedAndUnknownAcknowledgementsAreIgnored() throws Exception {
    handOver(P0, 0, 1);
    ack(P0, 0);
    start(P0, 0).complete(StartOutcome.DUPLICATE); // already complete: no second ack
    book.applyAcks(Duration.ZERO);

    assertThat(book.committable()).isEqualTo(commit(P0, 1));
    assertThat(book.inFlight()).isEqualTo(1);
  }

  @Test
  void offsetsMustIncreaseWithinAnAssignment() {
    handOver(P0, 3);
    assertThatThrownBy(() -> handOver(P0, 2)).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void uncommittedCountsAcknowledgedRecordsAboveTheLastCommit() throws Exception {
    handOver(P0, 100, 101, 102);
    ack(P0, 100, 101);
    PartitionOffsets p0 = book.partitions().get(P0);
    assertThat(p0.uncommitted()).isEqualTo(2);
    assertThat(p0.pending()).isEqualTo(1);

    book.committed(book.committable());
    assertThat(p0.uncommitted()).isZero();
  }

  private void handOver(TopicPartition partition, long... offsets) {
    for (long offset : offsets) {
      book.handedOver(partition, offset, newStart(partition, offset), 100);
    }
  }

  private CompletableFuture<StartOutcome> newStart(TopicPartition partition, long offset) {
    CompletableFuture<StartOutcome> start = new CompletableFuture<>();
    starts.computeIfAbsent(partition, p -> new HashMap<>()).put(offset, start);
    return start;
  }

  private CompletableFuture<StartOutcome> start(TopicPartition partition, long offset) {
    return starts.get(partition).get(offset);
  }

  /** Completes these starts, as Temporal's acknowledgement would, and applies the acks. */
  private void ack(TopicPartition partition, long... offsets) throws InterruptedException {
    for (long offset : offsets) {
      start(partition, offset).complete(StartOutcome.STARTED);
    }
    book.applyAcks(Duration.ZERO);
  }

  private static Map<TopicPartition, OffsetAndMetadata> commit(TopicPartition p, long offset) {
    return Map.of(p, new OffsetAndMetadata(offset));
  }
}
