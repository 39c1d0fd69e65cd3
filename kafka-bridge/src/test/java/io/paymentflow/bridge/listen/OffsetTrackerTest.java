package io.paymentflow.bridge.listen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class OffsetTrackerTest {

  private static final TopicPartition P0 = new TopicPartition("payments", 0);
  private static final TopicPartition P1 = new TopicPartition("payments", 1);

  private final OffsetTracker tracker = new OffsetTracker();

  @Test
  void nothingIsCommittableBeforeAnyRecordIsAcknowledged() {
    assertThat(tracker.committable()).isEmpty();
    handOver(P0, 0, 1, 2);
    assertThat(tracker.committable()).isEmpty();
  }

  @Test
  void commitsStopAtTheLowestUnacknowledgedOffsetWhateverTheAckOrder() {
    PartitionOffsets p0 = handOver(P0, 0, 1, 2, 3, 4);

    p0.acknowledged(3);
    p0.acknowledged(1);
    p0.acknowledged(4);
    assertThat(tracker.committable()).as("offset 0 is still in flight").isEmpty();

    p0.acknowledged(0);
    assertThat(tracker.committable()).isEqualTo(commit(P0, 2));

    p0.acknowledged(2);
    assertThat(tracker.committable()).isEqualTo(commit(P0, 5));
  }

  @Test
  void gapsInOffsetsNeedNoAcknowledgement() {
    PartitionOffsets p0 = handOver(P0, 10, 11, 15, 20); // compaction or transaction markers

    p0.acknowledged(20);
    p0.acknowledged(15);
    assertThat(tracker.committable()).isEmpty();
    p0.acknowledged(10);
    assertThat(tracker.committable()).isEqualTo(commit(P0, 11));
    p0.acknowledged(11);
    assertThat(tracker.committable()).isEqualTo(commit(P0, 21));
  }

  @Test
  void aStuckPartitionDoesNotHoldBackAnother() {
    handOver(P0, 0, 1);
    PartitionOffsets p1 = handOver(P1, 7, 8);

    p1.acknowledged(8);
    p1.acknowledged(7);

    assertThat(tracker.committable()).isEqualTo(commit(P1, 9));
  }

  @Test
  void committedOffsetsAreNotCommittedAgain() {
    PartitionOffsets p0 = handOver(P0, 0, 1);
    p0.acknowledged(0);
    tracker.committed(tracker.committable());

    assertThat(tracker.committable()).isEmpty();
    p0.acknowledged(1);
    assertThat(tracker.committable()).isEqualTo(commit(P0, 2));
  }

  @Test
  void anOlderCommitConfirmationDoesNotMoveTheMarkBack() {
    PartitionOffsets p0 = handOver(P0, 0, 1, 2);
    p0.acknowledged(0);
    p0.acknowledged(1);
    p0.acknowledged(2);
    tracker.committed(commit(P0, 3));
    tracker.committed(commit(P0, 1)); // a slower asynchronous commit confirmed late

    assertThat(tracker.committable()).isEmpty();
  }

  @Test
  void committableCanBeAskedForRevokedPartitionsOnly() {
    handOver(P0, 0).acknowledged(0);
    handOver(P1, 0).acknowledged(0);

    assertThat(tracker.committable(List.of(P1))).isEqualTo(commit(P1, 1));
  }

  @Test
  void lateAcknowledgementsAfterRevocationDoNotCountForTheNextAssignment() {
    PartitionOffsets revoked = handOver(P0, 5, 6);
    tracker.forget(List.of(P0));
    assertThat(tracker.committable()).isEmpty();

    PartitionOffsets reassigned = handOver(P0, 5, 6); // read again from the committed offset
    revoked.acknowledged(5);
    revoked.acknowledged(6);

    assertThat(tracker.committable()).as("the new delivery of 5 is still in flight").isEmpty();
    reassigned.acknowledged(5);
    assertThat(tracker.committable()).isEqualTo(commit(P0, 6));
  }

  @Test
  void repeatedAndUnknownAcknowledgementsAreIgnored() {
    PartitionOffsets p0 = handOver(P0, 0, 1);
    p0.acknowledged(0);
    p0.acknowledged(0);
    p0.acknowledged(99);

    assertThat(tracker.committable()).isEqualTo(commit(P0, 1));
    assertThat(p0.pending()).isEqualTo(1);
  }

  @Test
  void offsetsMustIncreaseWithinAnAssignment() {
    handOver(P0, 3);
    assertThatThrownBy(() -> tracker.handedOver(P0, 2)).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void uncommittedCountsAcknowledgedRecordsAboveTheLastCommit() {
    PartitionOffsets p0 = handOver(P0, 100, 101, 102);
    p0.acknowledged(100);
    p0.acknowledged(101);
    assertThat(p0.uncommitted()).isEqualTo(2);
    assertThat(p0.pending()).isEqualTo(1);

    tracker.committed(tracker.committable());
    assertThat(p0.uncommitted()).isZero();
  }

  private PartitionOffsets handOver(TopicPartition partition, long... offsets) {
    PartitionOffsets tracked = null;
    for (long offset : offsets) {
      tracked = tracker.handedOver(partition, offset);
    }
    return tracked;
  }

  private static Map<TopicPartition, OffsetAndMetadata> commit(TopicPartition p, long offset) {
    return Map.of(p, new OffsetAndMetadata(offset));
  }
}
