package io.paymentflow.bridge.listen;

import static org.assertj.core.api.Assertions.assertThat;

import io.paymentflow.bridge.start.StartOutcome;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class InFlightStartsTest {

  private static final TopicPartition P0 = new TopicPartition("payments", 0);

  private final InFlightStarts inFlight = new InFlightStarts();

  @Test
  void anAcknowledgedStartLeavesTheFlightAndMovesTheSafeOffset() throws Exception {
    PartitionOffsets offsets = handedOver(5);
    CompletableFuture<StartOutcome> start = new CompletableFuture<>();
    inFlight.add(P0, 5, offsets, start, 100);

    start.complete(StartOutcome.STARTED);
    assertThat(inFlight.count()).as("applied on the consumer thread only").isEqualTo(1);
    inFlight.applyAcks(Duration.ZERO);

    assertThat(inFlight.count()).isZero();
    assertThat(offsets.safeOffset()).isEqualTo(6);
  }

  @Test
  void aStartThatFailedForGoodLeavesTheFlightButNotTheOffsets() throws Exception {
    PartitionOffsets offsets = handedOver(5);
    CompletableFuture<StartOutcome> start = new CompletableFuture<>();
    inFlight.add(P0, 5, offsets, start, 100);

    start.completeExceptionally(new IllegalStateException("bridge stopping"));
    inFlight.applyAcks(Duration.ZERO);

    assertThat(inFlight.count()).isZero();
    assertThat(offsets.safeOffset()).isEqualTo(5);
  }

  @Test
  void aStartOfARevokedPartitionIsCancelledAndItsLateAckTouchesNothingCurrent() throws Exception {
    PartitionOffsets revoked = handedOver(5);
    CompletableFuture<StartOutcome> old = new CompletableFuture<>();
    inFlight.add(P0, 5, revoked, old, 100);

    inFlight.cancel(List.of(P0));
    assertThat(old).isCancelled();
    assertThat(inFlight.count()).isZero();

    PartitionOffsets reassigned = handedOver(5);
    CompletableFuture<StartOutcome> again = new CompletableFuture<>();
    inFlight.add(P0, 5, reassigned, again, 100);
    inFlight.applyAcks(Duration.ZERO); // the cancellation's acknowledgement

    assertThat(inFlight.count()).isEqualTo(1);
    assertThat(reassigned.safeOffset()).isEqualTo(5);
    again.complete(StartOutcome.DUPLICATE);
    inFlight.applyAcks(Duration.ZERO);
    assertThat(reassigned.safeOffset()).isEqualTo(6);
  }

  @Test
  void countsInFlightStartsPerPartition() {
    inFlight.add(P0, 1, handedOver(1), new CompletableFuture<>(), 100);
    inFlight.add(
        new TopicPartition("payments", 1), 1, handedOver(1), new CompletableFuture<>(), 100);

    assertThat(inFlight.count(List.of(P0))).isEqualTo(1);
    assertThat(inFlight.count()).isEqualTo(2);
  }

  @Test
  void bytesOfTheRecordsInFlightAreReleasedByTheirAckOrTheirPartitionsRevoke() throws Exception {
    CompletableFuture<StartOutcome> acked = new CompletableFuture<>();
    inFlight.add(P0, 1, handedOver(1), acked, 700);
    inFlight.add(
        new TopicPartition("payments", 1), 1, handedOver(1), new CompletableFuture<>(), 300);
    assertThat(inFlight.bytes()).isEqualTo(1000);

    acked.complete(StartOutcome.STARTED);
    inFlight.applyAcks(Duration.ZERO);
    assertThat(inFlight.bytes()).isEqualTo(300);
    inFlight.cancel(List.of(new TopicPartition("payments", 1)));
    assertThat(inFlight.bytes()).isZero();
  }

  private static PartitionOffsets handedOver(long offset) {
    PartitionOffsets offsets = new PartitionOffsets();
    offsets.handedOver(offset);
    return offsets;
  }
}
