package io.paymentflow.bridge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.paymentflow.bridge.support.BridgeInfrastructure;
import io.paymentflow.bridge.support.BridgeProcess;
import io.paymentflow.bridge.support.Events;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A burst of records near the 1 MiB size bound, more bytes in all than the bridge's heap, waiting
 * on many partitions when the bridge starts (CONTRACTS 1: the bytes it holds are bounded). The
 * packaged bridge runs in a JVM of its own with the image's flags on the pod's memory limit, a 288
 * MiB heap. It must start every record's workflow and commit every offset without dying, and
 * without filling its heap: what is still live after a full collection stays at most half of it. A
 * bridge that lives at the edge of its heap spends its time in full collections, and one more
 * broker's fetch is enough to kill it.
 */
class LargeRecordBurstIT {

  private static final String INPUT = "burst.input";
  private static final String DLQ = "burst.dlq";
  private static final String GROUP = "burst-group";

  /**
   * More partitions than one fetch of Kafka's default 50 MiB covers, so that every fetch is as
   * large as the consumer's settings allow.
   */
  private static final int PARTITIONS = 150;

  private static final int RECORDS = 320;
  private static final int PADDING = 1_000_000;

  @RegisterExtension static final BridgeInfrastructure infra = new BridgeInfrastructure();

  @Test
  void aBurstOfNearlyMebibyteRecordsLargerThanTheHeapIsStartedAndCommittedWithoutFillingIt()
      throws Exception {
    infra.kafka().createTopic(INPUT, PARTITIONS);
    infra.kafka().createTopic(DLQ, 1);
    long bytes = publish();

    Path gcLog = Path.of("target", "bridge-process-burst-gc.log").toAbsolutePath();
    List<String> flags = new ArrayList<>(BridgeProcess.POD_JVM_FLAGS);
    flags.add("-Xlog:gc,gc+init:file=" + gcLog);
    AtomicBoolean wasLive = new AtomicBoolean(); // before it is, the app is still starting
    try (BridgeProcess bridge =
        BridgeProcess.start(
            "burst",
            flags,
            List.of(
                "--spring.kafka.bootstrap-servers=" + infra.kafka().bootstrapServers(),
                "--spring.kafka.consumer.group-id=" + GROUP,
                "--temporal-worker.input-topic=" + INPUT,
                "--temporal-worker.dlq-topic=" + DLQ,
                "--spring.temporal.connection.target=" + infra.temporal().target()))) {
      await("the bridge live")
          .atMost(Duration.ofSeconds(90))
          .pollInterval(Duration.ofMillis(250))
          .until(() -> bridge.liveness() == 200 || !bridge.alive());
      long began = System.nanoTime();
      await("every workflow started, the bridge alive and live throughout")
          .atMost(Duration.ofMinutes(3))
          .pollInterval(Duration.ofMillis(500))
          .until(
              () -> {
                assertThat(bridge.alive())
                    .as("the bridge process is alive; its log ends:\n%s", bridge.logTail(20))
                    .isTrue();
                assertThat(bridge.liveness()).as("liveness").isEqualTo(200);
                return infra.recorder().distinct() == RECORDS;
              });
      Duration startedIn = Duration.ofNanos(System.nanoTime() - began);
      Map<TopicPartition, Long> ends = infra.kafka().endOffsets(INPUT, PARTITIONS);
      await("every offset committed")
          .atMost(Duration.ofSeconds(30))
          .untilAsserted(
              () -> {
                Map<TopicPartition, Long> committed = infra.kafka().committed(GROUP, INPUT);
                // A partition the burst left empty may have no commit at all.
                ends.forEach(
                    (partition, end) ->
                        assertThat(committed.getOrDefault(partition, 0L))
                            .as("committed offset of %s", partition)
                            .isEqualTo(end));
              });
      assertThat(bridge.liveness()).isEqualTo(200);
      assertThat(bridge.logText()).doesNotContain("OutOfMemoryError");

      Heap heap = Heap.of(gcLog);
      System.out.printf(
          "large-record burst: %d records, %d MiB, on %d partitions; all started in %d s after"
              + " the bridge was live, all committed; bridge heap %d MiB, live after full"
              + " collections at most %d MiB (%d full collections)%n",
          RECORDS,
          bytes >> 20,
          PARTITIONS,
          startedIn.toSeconds(),
          heap.maxMib(),
          heap.liveAfterFullMib(),
          heap.fullCollections());
      assertThat(heap.maxMib()).as("the pod's heap").isEqualTo(288);
      assertThat(heap.liveAfterFullMib())
          .as("live heap after full collections, MiB (GC log %s)", gcLog)
          .isLessThanOrEqualTo(heap.maxMib() / 2);
    }
    assertThat(infra.recorder().runs().values()).allMatch(runs -> runs == 1);
  }

  private static long publish() {
    Random random = new Random(42);
    long bytes = 0;
    for (int i = 0; i < RECORDS; i++) {
      String eventId = "burst:evt_" + i;
      byte[] value = Events.padded(eventId, PADDING, random);
      bytes += value.length;
      infra.kafka().send(INPUT, Events.key(eventId), value);
    }
    infra.kafka().flush();
    return bytes;
  }

  /** What the bridge's GC log says of its heap: its size, and what full collections kept. */
  private record Heap(long maxMib, long liveAfterFullMib, int fullCollections) {

    private static final Pattern MAX = Pattern.compile("Heap Max Capacity: (\\d+)M");
    private static final Pattern FULL = Pattern.compile("Pause Full .* \\d+M->(\\d+)M\\(");

    static Heap of(Path gcLog) throws Exception {
      long max = -1;
      long live = 0;
      int full = 0;
      for (String line : Files.readAllLines(gcLog)) {
        Matcher m = MAX.matcher(line);
        if (m.find()) {
          max = Long.parseLong(m.group(1));
        }
        m = FULL.matcher(line);
        if (m.find()) {
          full++;
          live = Math.max(live, Long.parseLong(m.group(1)));
        }
      }
      return new Heap(max, live, full);
    }
  }
}
