package io.paymentflow.bridge.bench;

import static org.awaitility.Awaitility.await;

import io.paymentflow.bridge.support.BridgeApp;
import io.paymentflow.bridge.support.ExecutionRecorder;
import io.paymentflow.bridge.support.KafkaBroker;
import io.paymentflow.bridge.support.TestWorker;
import io.paymentflow.contracts.TaskQueues;
import io.paymentflow.embeddedtemporal.EmbeddedTemporalServer;
import io.temporal.client.WorkflowClient;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Not a test: measures the bridge against the seed's algorithm and against Temporal alone, in one
 * run, on one embedded Kafka broker and one in-JVM Temporal server (with a worker, so workflows
 * complete as they would). Prints records/s and start latency p50/p99 of:
 *
 * <ol>
 *   <li>(a) this bridge ({@link BridgeRun});
 *   <li>(b) the seed's algorithm: one consumer, one blocking start then one commitSync per record
 *       ({@link SeedLoop});
 *   <li>(c) a raw loop of concurrent starts, as many as the bridge's start threads, with no Kafka
 *       at all, on the bridge's own {@code WorkflowClient} ({@link RawStartLoop}), so that a/c
 *       measures what Kafka and the pipeline cost and nothing else;
 *   <li>(d) the same pipelining on spring-kafka's listener container ({@code asyncAcks} with manual
 *       out-of-order acknowledgements, {@link SpringKafkaLoop}), so that a/d prices the choice of
 *       our own poll loop (docs/adr/0001-bridge-own-poll-loop.md).
 * </ol>
 *
 * <p>Method: everything runs warm (JIT), and each variant starts on an idle server: in between, the
 * worker finishes every workflow started so far. The in-memory server slows down as it ages (it
 * keeps a debugging list of every timer lock it ever took, and scans it under a global lock), so
 * (b) and (c) run half before and half after (a), in mirror order.
 *
 * <p>Run from the repository root:
 *
 * <pre>
 * ./mvnw -B -q -pl kafka-bridge test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=io.paymentflow.bridge.bench.BridgeBenchmark \
 *     [-Dexec.args="20000 1000 --temporal-worker.start-threads=16"]
 * </pre>
 *
 * The arguments are the records for (a) and (c), then for (b), which is far slower, then any bridge
 * settings to try.
 */
public final class BridgeBenchmark {

  static final int PARTITIONS = 8;
  private static final int WARMUP = 3_000;

  /**
   * The variants take turns in every order once, so that each is measured as often first, second
   * and third, and right after each of the others: this machine's load varies, and the in-memory
   * server slows down as it ages.
   */
  private static final String[] ORDERS = {"abcd", "bdca", "cadb", "dcba", "acbd", "dbac"};

  private static final int ROUNDS = ORDERS.length;
  private static final String THREADS_ARG = "--temporal-worker.start-threads=";

  public static void main(String[] args) {
    int status = 0;
    try {
      run(args);
    } catch (Throwable e) {
      e.printStackTrace();
      status = 1;
    }
    System.exit(status); // the in-JVM servers leave non-daemon threads behind
  }

  private static void run(String[] args) throws Exception {
    int records = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
    int seedRecords = args.length > 1 ? Integer.parseInt(args[1]) : 1_000;
    String[] bridgeArgs = Arrays.copyOfRange(args, Math.min(2, args.length), args.length);
    int threads =
        Arrays.stream(bridgeArgs)
            .filter(a -> a.startsWith(THREADS_ARG))
            .mapToInt(a -> Integer.parseInt(a.substring(THREADS_ARG.length())))
            .findFirst()
            .orElse(32); // the bridge's default
    double loadBefore = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    ExecutionRecorder recorder = new ExecutionRecorder();
    try (KafkaBroker kafka = new KafkaBroker();
        EmbeddedTemporalServer temporal = new EmbeddedTemporalServer();
        TestWorker worker =
            new TestWorker(temporal.target(), TaskQueues.PAYMENT_PROCESSING, recorder);
        BridgeApp idle = idleBridge(kafka, temporal.target(), bridgeArgs);
        BridgeRun bridge = new BridgeRun(kafka, temporal.target(), bridgeArgs)) {
      WorkflowClient bridgeClient = idle.bean(WorkflowClient.class);
      WorkflowClient plainClient = worker.client();
      Idle settle = new Idle(recorder);
      RawStartLoop.run(bridgeClient, threads, "warmup", WARMUP);
      settle.after(WARMUP);
      bridge.batch(WARMUP, false);
      settle.after(WARMUP);
      List<Measurement.Run> raws = new ArrayList<>();
      List<Measurement.Run> seedStarts = new ArrayList<>();
      List<Measurement.Run> seedCommits = new ArrayList<>();
      List<Measurement.Run> springs = new ArrayList<>();
      for (int round = 0; round < ORDERS.length; round++) {
        for (char variant : ORDERS[round].toCharArray()) {
          switch (variant) {
            case 'b' -> {
              var seed = SeedLoop.run(kafka, plainClient, "seed" + round, seedRecords / ROUNDS);
              seedStarts.add(seed.starts());
              seedCommits.add(seed.commits());
              settle.after(seedRecords / ROUNDS);
            }
            case 'd' -> {
              springs.add(
                  SpringKafkaLoop.run(
                      kafka, bridgeClient, threads, "spring" + round, records / ROUNDS));
              settle.after(records / ROUNDS);
            }
            case 'c' -> {
              raws.add(RawStartLoop.run(bridgeClient, threads, "raw" + round, records / ROUNDS));
              settle.after(records / ROUNDS);
            }
            default -> {
              bridge.batch(records / ROUNDS, true);
              settle.after(records / ROUNDS);
            }
          }
        }
      }
      Report.print(
          bridge.measurement(),
          Measurement.of(
              "(b) seed: blocking start + commitSync per record",
              seedStarts.toArray(Measurement.Run[]::new)),
          Measurement.of(
              "(c) raw concurrent starts, no Kafka", raws.toArray(Measurement.Run[]::new)),
          Measurement.of(
              "(d) spring-kafka container, asyncAcks", springs.toArray(Measurement.Run[]::new)),
          Measurement.of("commitSync", seedCommits.toArray(Measurement.Run[]::new)),
          String.format(
              "%d cores, Temporal in-JVM test server, embedded KRaft broker, %d partitions,"
                  + " %d start threads, bridge settings: %s",
              Runtime.getRuntime().availableProcessors(),
              PARTITIONS,
              threads,
              bridgeArgs.length == 0 ? "defaults" : String.join(" ", bridgeArgs)),
          loadBefore);
    }
  }

  /** A bridge on an empty topic: only its client is used, by the raw loop. */
  private static BridgeApp idleBridge(KafkaBroker kafka, String target, String[] bridgeArgs) {
    kafka.createTopic("bench.idle", 1);
    kafka.createTopic("bench.idle.dlq", 1);
    return BridgeApp.start(
        new BridgeApp.Setup(
            kafka.bootstrapServers(), target, "bench.idle", "bench.idle.dlq", "bench-idle"),
        bridgeArgs);
  }

  /** Waits until the worker has run every workflow started so far. */
  private static final class Idle {
    private final ExecutionRecorder recorder;
    private int started;

    Idle(ExecutionRecorder recorder) {
      this.recorder = recorder;
    }

    void after(int moreWorkflows) {
      started += moreWorkflows;
      await().atMost(Duration.ofMinutes(10)).until(() -> recorder.distinct() >= started);
    }
  }

  private BridgeBenchmark() {}
}
