package io.paymentflow.bridge;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.distribution.CountAtBucket;
import io.paymentflow.bridge.support.BridgeApp;
import io.paymentflow.bridge.support.Events;
import io.paymentflow.bridge.support.ExecutionRecorder;
import io.paymentflow.bridge.support.KafkaBroker;
import io.paymentflow.bridge.support.TemporalTestServer;
import io.paymentflow.bridge.support.TestWorker;
import io.paymentflow.contracts.TaskQueues;
import io.paymentflow.contracts.event.PaymentEvent;
import io.paymentflow.contracts.payment.PaymentEventWorkflow;
import io.paymentflow.contracts.payment.WorkflowIds;
import io.temporal.api.enums.v1.WorkflowIdConflictPolicy;
import io.temporal.api.enums.v1.WorkflowIdReusePolicy;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Not a test: measures the bridge against the seed's algorithm and against Temporal alone, in one
 * run, on one embedded Kafka broker and one in-JVM Temporal server (with a worker, so workflows
 * complete as they would). Prints records/s and start latency p50/p99 of:
 *
 * <ol>
 *   <li>(a) this bridge, with its default in-flight bound and start threads;
 *   <li>(b) the seed's algorithm: one consumer, one blocking start then one commitSync per record;
 *   <li>(c) a raw loop of concurrent starts (as many threads as the bridge) with no Kafka at all.
 * </ol>
 *
 * <p>Method: every variant runs warm (JIT) and starts on an idle server: after each one, the worker
 * finishes every workflow it started. The raw loop runs half before and half after the bridge,
 * since the in-memory server slows as it accumulates workflows. The bridge's records are published
 * before it starts, and it is timed from its first record past a warm-up batch to its last
 * acknowledgement; its latency comes from its own histogram over that window.
 *
 * <p>Run from the repository root:
 *
 * <pre>
 * ./mvnw -B -q -pl kafka-bridge test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=io.paymentflow.bridge.BridgeBenchmark [-Dexec.args="20000 1000"]
 * </pre>
 *
 * The arguments are the records for (a) and (c), then for (b), which is far slower, then any bridge
 * settings to try, e.g. {@code --temporal-worker.start-threads=16}.
 */
public final class BridgeBenchmark {

  private static final int PARTITIONS = 8;
  private static final int THREADS = 32; // the bridge's default start-threads
  private static final int WARMUP = 3_000;

  record Result(String name, int records, double seconds, double p50Millis, double p99Millis) {
    double perSecond() {
      return records / seconds;
    }
  }

  /** Each start's latency, and the wall time of the whole loop. */
  record Run(long[] latencies, long elapsedNanos) {}

  public static void main(String[] args) throws Exception {
    int records = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
    int seedRecords = args.length > 1 ? Integer.parseInt(args[1]) : 1_000;
    String[] bridgeArgs = Arrays.copyOfRange(args, Math.min(2, args.length), args.length);
    ExecutionRecorder recorder = new ExecutionRecorder();
    try (KafkaBroker kafka = new KafkaBroker();
        TemporalTestServer temporal = new TemporalTestServer();
        TestWorker worker =
            new TestWorker(temporal.target(), TaskQueues.PAYMENT_PROCESSING, recorder)) {
      WorkflowClient client = worker.client();
      int workflows = 0;
      rawLoop(client, "warmup", WARMUP);
      idle(recorder, workflows += WARMUP);
      // The in-memory server slows down as it ages (it keeps a debugging list of every timer
      // lock it ever took), so (b) and (c) run half before and half after (a), in mirror order.
      Run seedBefore = seed(kafka, client, "seed1", seedRecords / 2);
      idle(recorder, workflows += seedRecords / 2);
      Run rawBefore = rawLoop(client, "raw1", records / 2);
      idle(recorder, workflows += records / 2);
      Result bridge = progress(bridge(kafka, temporal, records, bridgeArgs));
      idle(recorder, workflows += WARMUP + records);
      Run rawAfter = rawLoop(client, "raw2", records - records / 2);
      idle(recorder, workflows += records - records / 2);
      Run seedAfter = seed(kafka, client, "seed2", seedRecords - seedRecords / 2);
      Result raw = progress(combine("(c) raw concurrent starts, no Kafka", rawBefore, rawAfter));
      Result seed =
          progress(
              combine("(b) seed: blocking start + commitSync per record", seedBefore, seedAfter));
      print(bridge, seed, raw, bridgeArgs);
    }
    System.exit(0); // the in-JVM servers leave non-daemon threads behind
  }

  private static Result combine(String name, Run first, Run second) {
    long[] both =
        Arrays.copyOf(first.latencies(), first.latencies().length + second.latencies().length);
    System.arraycopy(
        second.latencies(), 0, both, first.latencies().length, second.latencies().length);
    return result(name, both, first.elapsedNanos() + second.elapsedNanos());
  }

  /** Waits until the worker has run every workflow started so far. */
  private static void idle(ExecutionRecorder recorder, int workflows) {
    await().atMost(Duration.ofMinutes(10)).until(() -> recorder.distinct() >= workflows);
  }

  private static Result progress(Result result) {
    System.err.printf(
        "%s: %.0f records/s, p50 %.1f ms, p99 %.1f ms%n",
        result.name(), result.perSecond(), result.p50Millis(), result.p99Millis());
    return result;
  }

  private static Run rawLoop(WorkflowClient client, String prefix, int records)
      throws InterruptedException {
    long[] latencies = new long[records];
    AtomicInteger next = new AtomicInteger();
    ExecutorService threads = Executors.newFixedThreadPool(THREADS);
    long began = System.nanoTime();
    for (int t = 0; t < THREADS; t++) {
      threads.execute(
          () -> {
            for (int i = next.getAndIncrement(); i < records; i = next.getAndIncrement()) {
              PaymentEvent event = event(prefix + ":evt_" + i);
              long start = System.nanoTime();
              client.newUntypedWorkflowStub("PaymentEventWorkflow", options(event)).start(event);
              latencies[i] = System.nanoTime() - start;
            }
          });
    }
    threads.shutdown();
    threads.awaitTermination(10, TimeUnit.MINUTES);
    return new Run(latencies, System.nanoTime() - began);
  }

  private static Result bridge(
      KafkaBroker kafka, TemporalTestServer temporal, int records, String[] bridgeArgs)
      throws Exception {
    kafka.createTopic("bench.bridge", PARTITIONS);
    kafka.createTopic("bench.bridge.dlq", 1);
    for (int i = 0; i < WARMUP + records; i++) {
      String eventId = "bridge:evt_" + i;
      kafka.send("bench.bridge", Events.key(eventId), Events.bytes(eventId));
    }
    kafka.flush();
    BridgeApp.Setup setup =
        new BridgeApp.Setup(
            kafka.bootstrapServers(),
            temporal.target(),
            "bench.bridge",
            "bench.bridge.dlq",
            "bench-bridge");
    try (BridgeApp bridge = BridgeApp.start(setup, bridgeArgs)) {
      while (acknowledged(bridge) < WARMUP) {
        Thread.sleep(1);
      }
      Timer latency =
          bridge
              .registry()
              .get("paymentflow.bridge.start.latency")
              .tags("outcome", "started")
              .timer();
      CountAtBucket[] bucketsBefore = latency.takeSnapshot().histogramCounts();
      double acknowledgedBefore = acknowledged(bridge);
      long began = System.nanoTime();
      while (acknowledged(bridge) < WARMUP + records) {
        Thread.sleep(1);
      }
      long elapsed = System.nanoTime() - began;
      CountAtBucket[] bucketsAfter = latency.takeSnapshot().histogramCounts();
      return new Result(
          "(a) kafka-bridge",
          (int) (WARMUP + records - acknowledgedBefore),
          elapsed / 1e9,
          percentile(bucketsBefore, bucketsAfter, 0.50),
          percentile(bucketsBefore, bucketsAfter, 0.99));
    }
  }

  private static double acknowledged(BridgeApp bridge) {
    return bridge.count("workflows.started") + bridge.count("workflows.duplicates");
  }

  /** The upper bound of the histogram bucket holding the percentile, over the window. */
  private static double percentile(CountAtBucket[] before, CountAtBucket[] after, double p) {
    double total = after[after.length - 1].count() - before[before.length - 1].count();
    for (int i = 0; i < after.length; i++) {
      if (after[i].count() - before[i].count() >= p * total) {
        return after[i].bucket(TimeUnit.MILLISECONDS);
      }
    }
    return Double.NaN;
  }

  /** The seed's loop: parse, start and wait, commit that one offset, next record. */
  private static Run seed(KafkaBroker kafka, WorkflowClient client, String name, int records)
      throws Exception {
    String topic = "bench." + name;
    kafka.createTopic(topic, PARTITIONS);
    for (int i = 0; i < records; i++) {
      String eventId = name + ":evt_" + i;
      kafka.send(topic, Events.key(eventId), Events.bytes(eventId));
    }
    kafka.flush();
    ObjectMapper json =
        new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    long[] latencies = new long[records];
    int done = 0;
    long began = 0;
    try (KafkaConsumer<byte[], byte[]> consumer =
        new KafkaConsumer<>(
            Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                kafka.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG,
                "bench-seed",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                false),
            new ByteArrayDeserializer(),
            new ByteArrayDeserializer())) {
      consumer.subscribe(List.of(topic));
      long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
      while (done < records) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("seed run stuck after " + done + " records");
        }
        for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(100))) {
          if (began == 0) {
            began = System.nanoTime();
          }
          PaymentEvent event = json.readValue(record.value(), PaymentEvent.class);
          long start = System.nanoTime();
          PaymentEventWorkflow workflow =
              client.newWorkflowStub(PaymentEventWorkflow.class, options(event));
          WorkflowClient.start(workflow::process, event);
          latencies[done++] = System.nanoTime() - start;
          consumer.commitSync(
              Map.of(
                  new TopicPartition(record.topic(), record.partition()),
                  new OffsetAndMetadata(record.offset() + 1)));
        }
      }
    }
    return new Run(latencies, System.nanoTime() - began);
  }

  private static WorkflowOptions options(PaymentEvent event) {
    return WorkflowOptions.newBuilder()
        .setWorkflowId(WorkflowIds.payment(event.eventId()))
        .setTaskQueue(TaskQueues.PAYMENT_PROCESSING)
        .setWorkflowIdConflictPolicy(
            WorkflowIdConflictPolicy.WORKFLOW_ID_CONFLICT_POLICY_USE_EXISTING)
        .setWorkflowIdReusePolicy(WorkflowIdReusePolicy.WORKFLOW_ID_REUSE_POLICY_REJECT_DUPLICATE)
        .build();
  }

  private static PaymentEvent event(String eventId) {
    return new PaymentEvent(
        eventId,
        "stripe",
        eventId,
        "payment.succeeded",
        "merch_1",
        "cus_1",
        2599L,
        "USD",
        "card",
        "visa",
        "4242",
        "succeeded",
        null,
        null,
        Map.of("retry_attempt_count", 1),
        "2024-05-01T10:15:30Z",
        "2024-05-01T10:15:31.123456+00:00",
        1);
  }

  private static Result result(String name, long[] latencies, long elapsedNanos) {
    long[] sorted = latencies.clone();
    Arrays.sort(sorted);
    return new Result(
        name,
        sorted.length,
        elapsedNanos / 1e9,
        sorted[(int) (sorted.length * 0.50)] / 1e6,
        sorted[Math.min(sorted.length - 1, (int) (sorted.length * 0.99))] / 1e6);
  }

  private static void print(Result bridge, Result seed, Result raw, String[] bridgeArgs) {
    System.out.printf(
        "%nkafka-bridge benchmark: %d cores, Temporal in-JVM test server, embedded KRaft broker,"
            + " %d partitions, raw loop on %d threads, bridge %s%n%n",
        Runtime.getRuntime().availableProcessors(),
        PARTITIONS,
        THREADS,
        bridgeArgs.length == 0 ? "defaults" : String.join(" ", bridgeArgs));
    System.out.println("| variant | records | seconds | records/s | start p50 ms | start p99 ms |");
    System.out.println("|---|---:|---:|---:|---:|---:|");
    for (Result r : new Result[] {bridge, seed, raw}) {
      System.out.printf(
          "| %s | %d | %.2f | %.0f | %.1f | %.1f |%n",
          r.name(), r.records(), r.seconds(), r.perSecond(), r.p50Millis(), r.p99Millis());
    }
    System.out.printf(
        "%na/b = %.1f (target >= 20), a/c = %.2f (target >= 0.9)%n",
        bridge.perSecond() / seed.perSecond(), bridge.perSecond() / raw.perSecond());
  }

  private BridgeBenchmark() {}
}
