package io.paymentflow.localrun;

import io.paymentflow.contracts.Topics;
import io.paymentflow.embeddedtemporal.EmbeddedTemporalServer;
import io.paymentflow.standin.InferenceStandIn;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The whole system on one machine: a KRaft broker and (unless an external one is configured) a
 * Temporal server in this JVM, the inference stand-in, and the four apps as separate processes.
 * Everything started is closed in reverse order, also when startup fails half way or the user
 * presses Ctrl-C.
 */
public final class LocalSystem implements AutoCloseable {

  public static final String BRIDGE = "kafka-bridge";
  public static final String WORKFLOW_WORKER = "workflow-worker";
  public static final String INFERENCE_WORKER = "activity-worker-inference";
  public static final String DB_WORKER = "activity-worker-db";
  public static final List<String> APPS =
      List.of(DB_WORKER, WORKFLOW_WORKER, INFERENCE_WORKER, BRIDGE);

  /** Lets tests send records larger than the bridge's bound, to see them quarantined. */
  static final int MAX_MESSAGE_BYTES = 8 * 1024 * 1024;

  private final LocalRunOptions options;
  private final PrintStream out;
  private final Deque<AutoCloseable> started = new ArrayDeque<>();
  private final Map<String, AppProcess> apps = new LinkedHashMap<>();
  private LocalPostgres postgres;
  private LocalKafka kafka;
  private InferenceStandIn standIn;
  // Only with the in-JVM Temporal server, whose state ends with the run: null with an external one.
  private AcrossRuns acrossRuns;
  private int reopenedReviews;
  private Drained drained;
  private boolean closed;

  public LocalSystem(LocalRunOptions options, PrintStream out) {
    this.options = options;
    this.out = out;
  }

  /** Starts every part and returns once each app reports ready. */
  public synchronized LocalSystem start() {
    postgres =
        LocalPostgres.prepare(
            options.postgres(),
            options.workDirectory().resolve("postgres"),
            options.repositoryRoot(),
            out);
    started.push(postgres);

    if (options.external().kafka() == null) {
      kafka =
          LocalKafka.start(
              options.ports().kafka(),
              options.workDirectory().resolve("kafka"),
              options.partitions(),
              List.of(inputTopic(), dlqTopic()),
              options.keepKafkaData());
      started.push(kafka);
      out.println(
          "Kafka        " + options.kafkaBootstrap() + "  (in-JVM broker)  topics " + topics());
    } else {
      TopicCreation.ensure(
          options.kafkaBootstrap(), List.of(inputTopic(), dlqTopic()), options.partitions());
      out.println("Kafka        " + options.kafkaBootstrap() + "  (external)  topics " + topics());
    }

    if (options.external().temporal() == null) {
      EmbeddedTemporalServer temporal = new EmbeddedTemporalServer(options.ports().temporal());
      started.push(temporal);
      acrossRuns =
          new AcrossRuns(
              new InJvmWorkflows(options.temporalAddress()),
              new QuarantineRows(postgres, List.of(inputTopic(), dlqTopic())),
              options,
              out);
      started.push(acrossRuns);
      out.println(
          "Temporal     "
              + options.temporalAddress()
              + "  (in-JVM server: state ends with the run; a stop drains payments, "
              + (options.topicsOutliveRun()
                  ? "open reviews re-open at the next start)"
                  : "open reviews end with this run's topics)"));
    } else {
      out.println("Temporal     " + options.temporalAddress() + "  (external)");
    }

    if (options.external().inferenceUrl() == null) {
      standIn = InferenceStandIn.start(options.ports().inference());
      started.push(standIn::close);
      out.println("Inference    " + options.inferenceUrl() + "  (deterministic stand-in)");
    } else {
      out.println("Inference    " + options.inferenceUrl() + "  (external)");
    }

    for (String module : APPS) {
      startApp(module);
    }
    CompletableFuture.allOf(
            apps.values().stream()
                .map(app -> CompletableFuture.runAsync(() -> app.awaitReady(Duration.ofMinutes(3))))
                .toArray(CompletableFuture[]::new))
        .join();
    apps.values()
        .forEach(
            app ->
                out.printf(
                    "%-26s http://localhost:%d/actuator  log %s%n",
                    app.name(), app.port(), options.repositoryRoot().relativize(app.logFile())));
    if (acrossRuns != null) {
      reopenedReviews = acrossRuns.reopenReviews();
    }
    return this;
  }

  /** Starts (or starts again, after {@link AppProcess#kill()}) one of the four apps. */
  public synchronized AppProcess startApp(String module) {
    AppProcess app =
        AppProcess.start(
            module,
            options.repositoryRoot(),
            port(module),
            environment(module),
            options.workDirectory().resolve("logs"));
    apps.put(module, app);
    started.push(app::close);
    return app;
  }

  /**
   * Starts another instance of an app on a free port, with some settings changed: a second bridge
   * in another consumer group, say. It is stopped with the system.
   */
  public synchronized AppProcess startExtraApp(
      String module, String instanceName, Map<String, String> overrides) {
    Map<String, String> env = environment(module);
    env.putAll(overrides);
    AppProcess app =
        AppProcess.start(
            module,
            options.repositoryRoot(),
            Ports.free(),
            env,
            options.workDirectory().resolve("logs").resolve(instanceName));
    started.push(app::close);
    return app;
  }

  private String topics() {
    return inputTopic() + ", " + dlqTopic();
  }

  /** The contract's input topic, with the run's suffix when it has one. */
  public String inputTopic() {
    return Topics.INPUT + options.topicSuffix();
  }

  /** The contract's DLQ topic, with the run's suffix when it has one. */
  public String dlqTopic() {
    return Topics.DLQ + options.topicSuffix();
  }

  public AppProcess app(String module) {
    return apps.get(module);
  }

  /** The local stand-in; null when the run uses an external inference service. */
  public InferenceStandIn standIn() {
    return standIn;
  }

  public LocalPostgres postgres() {
    return postgres;
  }

  /** The in-JVM broker; null when the run uses an external Kafka. */
  public LocalKafka kafka() {
    return kafka;
  }

  public LocalRunOptions options() {
    return options;
  }

  /** How many reviews {@link #start()} opened again; 0 with an external Temporal server. */
  public int reopenedReviews() {
    return reopenedReviews;
  }

  /** What the drain of {@link #close()} found; null before, and with an external Temporal. */
  public Drained drained() {
    return drained;
  }

  private int port(String module) {
    Ports p = options.ports();
    return switch (module) {
      case "kafka-bridge" -> p.bridge();
      case "workflow-worker" -> p.workflowWorker();
      case "activity-worker-inference" -> p.inferenceWorker();
      case "activity-worker-db" -> p.dbWorker();
      default -> throw new IllegalArgumentException(module);
    };
  }

  /**
   * {@code none} where Temporal shares this host (the in-JVM server, or one on loopback): gzip
   * there costs CPU and saves no bandwidth worth having. TEMPORAL_WORKER_TEMPORAL_GRPC_COMPRESSION
   * decides when set.
   */
  public String temporalGrpcCompression() {
    String configured = System.getenv("TEMPORAL_WORKER_TEMPORAL_GRPC_COMPRESSION");
    if (configured != null && !configured.isBlank()) {
      return configured;
    }
    String host = options.temporalAddress().replaceFirst(":[0-9]+$", "");
    return options.external().temporal() == null || isLoopback(host) ? "none" : "gzip";
  }

  /**
   * {@code disable} for a PostgreSQL on this host (TLS on loopback costs CPU and protects nothing),
   * the driver's {@code prefer} otherwise; TEMPORAL_WORKER_POSTGRES_SSLMODE decides when set.
   */
  private static String postgresSslMode(String host) {
    String configured = System.getenv("TEMPORAL_WORKER_POSTGRES_SSLMODE");
    if (configured != null && !configured.isBlank()) {
      return configured;
    }
    return isLoopback(host) ? "disable" : "prefer";
  }

  private static boolean isLoopback(String host) {
    return host.equals("localhost")
        || host.startsWith("127.")
        || host.equals("::1")
        || host.equals("[::1]");
  }

  private Map<String, String> environment(String module) {
    Map<String, String> env = new LinkedHashMap<>();
    env.put("TEMPORAL_WORKER_TEMPORAL_HOST", options.temporalAddress());
    env.put("TEMPORAL_WORKER_TEMPORAL_GRPC_COMPRESSION", temporalGrpcCompression());
    env.put("TEMPORAL_WORKER_SHUTDOWN_GRACE_PERIOD", "10s");
    switch (module) {
      case "kafka-bridge" -> {
        env.put("TEMPORAL_WORKER_KAFKA_BOOTSTRAP_SERVERS", options.kafkaBootstrap());
        env.put("TEMPORAL_WORKER_INPUT_TOPIC", inputTopic());
        env.put("TEMPORAL_WORKER_DLQ_TOPIC", dlqTopic());
        // A run that ended without finishing shows within seconds here, not a minute.
        env.put("TEMPORAL_WORKER_REDRIVE_SCAN_INTERVAL", "10s");
      }
      case "activity-worker-inference" ->
          env.put("TEMPORAL_WORKER_INFERENCE_SERVICE_URL", options.inferenceUrl());
      case "activity-worker-db" -> {
        PostgresSettings db = options.postgres();
        env.put("TEMPORAL_WORKER_POSTGRES_HOST", db.host());
        env.put("TEMPORAL_WORKER_POSTGRES_PORT", Integer.toString(db.port()));
        env.put("TEMPORAL_WORKER_POSTGRES_USER", db.user());
        env.put("TEMPORAL_WORKER_POSTGRES_PASSWORD", db.password());
        env.put("TEMPORAL_WORKER_POSTGRES_SSLMODE", postgresSslMode(db.host()));
      }
      default -> {}
    }
    return env;
  }

  /**
   * Stops the bridge first (no new work), waits for the work in flight on the in-JVM Temporal
   * server, then stops the workers, then what they depend on.
   */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    // The bridge first, so no new work starts; then, with the in-JVM server, the workflows it
    // started, which end with this JVM; then the workers together, each draining its in-flight
    // work within its grace period, so Ctrl-C takes one grace period, not four.
    AppProcess bridge = apps.get(BRIDGE);
    if (bridge != null) {
      bridge.close();
    }
    boolean drain = acrossRuns != null && !apps.isEmpty();
    if (drain) {
      drained = acrossRuns.drain(this::stalled);
    }
    CompletableFuture.allOf(
            apps.values().stream()
                .map(app -> CompletableFuture.runAsync(app::close))
                .toArray(CompletableFuture[]::new))
        .join();
    if (drain) {
      // Kafka, PostgreSQL and the server are still up: what was lost can be told exactly.
      drained = acrossRuns.afterWorkersStopped(drained, new RowCounter(postgres));
    }
    while (!started.isEmpty()) {
      try {
        started.pop().close();
      } catch (Exception e) {
        out.println("  while stopping: " + e);
      }
    }
  }

  /** Why the work in flight cannot finish: a worker it needs has exited. */
  private String stalled() {
    for (String module : List.of(WORKFLOW_WORKER, INFERENCE_WORKER, DB_WORKER)) {
      AppProcess app = apps.get(module);
      if (app == null || !app.isAlive()) {
        return module + " is not running";
      }
    }
    return null;
  }
}
