package io.paymentflow.localrun;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * What {@code run-local} was asked to do.
 *
 * @param external the services the user runs instead of the local ones
 * @param postgres where PostgreSQL is and how the apps log in
 * @param events how many demo events to publish; 0 publishes none
 * @param rate demo events per second
 * @param keepRunning whether to keep the system up after the demo (until Ctrl-C)
 * @param drainTimeout how long the demo waits for every event to land
 * @param topicSuffix appended to both topic names; empty for the contract's names
 * @param stopDrainTimeout how long a stop waits for the payment workflows in flight on the in-JVM
 *     Temporal server, whose state ends with the run, before it stops the workers anyway
 * @param keepKafkaData whether the in-JVM broker's data (topics, offsets) outlives the run
 */
public record LocalRunOptions(
    Path repositoryRoot,
    Path workDirectory,
    Ports ports,
    External external,
    PostgresSettings postgres,
    int partitions,
    int events,
    int rate,
    boolean keepRunning,
    Duration drainTimeout,
    String topicSuffix,
    Duration stopDrainTimeout,
    boolean keepKafkaData) {

  /**
   * Services to use instead of starting local ones; a null field means "start it here".
   *
   * @param temporal host:port of a Temporal frontend
   * @param kafka bootstrap servers of a Kafka cluster
   * @param inferenceUrl base URL of an inference service (CONTRACTS section 6)
   */
  public record External(String temporal, String kafka, String inferenceUrl) {

    static final External NONE = new External(null, null, null);
  }

  static final String USAGE =
      """
      Usage: ./run-local [--events=N] [--rate=N] [--exit-after-demo] [--partitions=N]
                         [--temporal=host:port] [--kafka=host:port] [--inference=URL]
                         [--postgres=host:port] [--drain-timeout=PT5M] [--stop-timeout=PT60S]
                         [--ephemeral-ports]
        --events           demo events to publish (default 1000; 0 = none)
        --rate             demo events per second (default 200)
        --exit-after-demo  stop everything once the demo is reconciled (default: keep running)
        --partitions       partitions of each topic (default 4)
        --drain-timeout    how long the demo waits for every event to land (default PT5M)
        --stop-timeout     how long a stop waits for payment workflows in flight on the in-JVM
                           Temporal server, whose state ends with the run (default PT60S)
        --ephemeral-ports  listen on free ports instead of the contract's (a second system beside one)
      Your own services instead of the local ones (each also from its contract variable):
        --temporal         a Temporal server              (TEMPORAL_WORKER_TEMPORAL_HOST)
        --kafka            a Kafka cluster; the topics are created when missing
                                                          (TEMPORAL_WORKER_KAFKA_BOOTSTRAP_SERVERS)
        --inference        an inference service            (TEMPORAL_WORKER_INFERENCE_SERVICE_URL)
        --postgres         a PostgreSQL server             (TEMPORAL_WORKER_POSTGRES_HOST, _PORT;
                           log in with TEMPORAL_WORKER_POSTGRES_USER/_PASSWORD, default payments)
      Without --postgres, the server on localhost:5432 is used when one answers; otherwise an
      embedded PostgreSQL starts there, with its data kept in .local-run/postgres.
      """;

  /** Parses {@code --name=value} options; an unknown option is an error, not ignored. */
  public static LocalRunOptions parse(String[] args, Map<String, String> env) {
    Path root = Path.of(env.getOrDefault("PAYMENTFLOW_HOME", ".")).toAbsolutePath().normalize();
    String temporal = blankToNull(env.get("TEMPORAL_WORKER_TEMPORAL_HOST"));
    String kafka = blankToNull(env.get("TEMPORAL_WORKER_KAFKA_BOOTSTRAP_SERVERS"));
    String inference = blankToNull(env.get("TEMPORAL_WORKER_INFERENCE_SERVICE_URL"));
    PostgresSettings postgres = PostgresSettings.fromEnvironment(env);
    int events = 1000;
    int rate = 200;
    int partitions = 4;
    boolean keepRunning = true;
    Duration drainTimeout = Duration.ofMinutes(5);
    Duration stopDrainTimeout = Duration.ofSeconds(60);
    boolean ephemeralPorts = false;
    for (String arg : args) {
      int eq = arg.indexOf('=');
      String name = eq < 0 ? arg : arg.substring(0, eq);
      String value = eq < 0 ? "true" : arg.substring(eq + 1);
      switch (name) {
        case "--events" -> events = Integer.parseInt(value);
        case "--rate" -> rate = Integer.parseInt(value);
        case "--exit-after-demo" -> keepRunning = !Boolean.parseBoolean(value);
        case "--temporal" -> temporal = blankToNull(value);
        case "--kafka" -> kafka = blankToNull(value);
        case "--inference" -> inference = blankToNull(value);
        case "--postgres" -> postgres = postgres.at(value);
        case "--partitions" -> partitions = Integer.parseInt(value);
        case "--drain-timeout" -> drainTimeout = Duration.parse(value);
        case "--stop-timeout" -> stopDrainTimeout = Duration.parse(value);
        case "--ephemeral-ports" -> ephemeralPorts = Boolean.parseBoolean(value);
        case "--help", "-h" -> throw new UsageException(null);
        default -> throw new UsageException("unknown option " + arg);
      }
    }
    if (events < 0 || rate <= 0 || partitions <= 0) {
      throw new UsageException("--events must be >= 0, --rate and --partitions > 0");
    }
    if (stopDrainTimeout.isNegative()) {
      throw new UsageException("--stop-timeout must not be negative");
    }
    LocalRunOptions options =
        new LocalRunOptions(
            root,
            root.resolve(".local-run"),
            Ports.defaults(),
            new External(temporal, kafka, inference),
            postgres,
            partitions,
            events,
            rate,
            keepRunning,
            drainTimeout,
            "",
            stopDrainTimeout,
            // The CLI keeps its broker's data across runs, so offsets (the quarantine rows' keys)
            // keep growing like in production.
            true);
    return ephemeralPorts
        ? options.onEphemeralPorts(
            root.resolve(".local-run").resolve("ephemeral-" + ProcessHandle.current().pid()))
        : options;
  }

  /**
   * The same run on free ports in its own work directory, with topics of its own: for tests beside
   * a running system. Quarantine rows are keyed by Kafka coordinates, which a fresh broker hands
   * out again from offset 0; topics unique to the run keep one run's rows from standing for
   * another's. PostgreSQL is shared: rows are told apart by their ids and topics. The broker's data
   * goes with the run, unless {@link #keepingKafkaData} says otherwise.
   */
  public LocalRunOptions onEphemeralPorts(Path work) {
    return new LocalRunOptions(
        repositoryRoot,
        work,
        Ports.ephemeral(),
        external,
        postgres,
        partitions,
        events,
        rate,
        keepRunning,
        drainTimeout,
        "-" + Long.toString(System.nanoTime(), 36),
        stopDrainTimeout,
        false);
  }

  /**
   * The same run, keeping (or not) the in-JVM broker's data when it stops: a second system on the
   * same options and work directory then reads the first one's topics and committed offsets, as
   * {@code ./run-local} does across runs.
   */
  public LocalRunOptions keepingKafkaData(boolean keep) {
    return new LocalRunOptions(
        repositoryRoot,
        workDirectory,
        ports,
        external,
        postgres,
        partitions,
        events,
        rate,
        keepRunning,
        drainTimeout,
        topicSuffix,
        stopDrainTimeout,
        keep);
  }

  /** The same run with another bound on the drain at stop. */
  public LocalRunOptions withStopDrainTimeout(Duration timeout) {
    return new LocalRunOptions(
        repositoryRoot,
        workDirectory,
        ports,
        external,
        postgres,
        partitions,
        events,
        rate,
        keepRunning,
        drainTimeout,
        topicSuffix,
        timeout,
        keepKafkaData);
  }

  /** The same run with another Temporal server, e.g. a real one the reliability suite restarts. */
  public LocalRunOptions withTemporalTarget(String target) {
    return withExternal(new External(target, external.kafka(), external.inferenceUrl()));
  }

  /** The same run with other external services. */
  public LocalRunOptions withExternal(External services) {
    return new LocalRunOptions(
        repositoryRoot,
        workDirectory,
        ports,
        services,
        postgres,
        partitions,
        events,
        rate,
        keepRunning,
        drainTimeout,
        topicSuffix,
        stopDrainTimeout,
        keepKafkaData);
  }

  /** The same run logging in to PostgreSQL as another role. */
  public LocalRunOptions withPostgresCredentials(String user, String password) {
    return new LocalRunOptions(
        repositoryRoot,
        workDirectory,
        ports,
        external,
        postgres.as(user, password),
        partitions,
        events,
        rate,
        keepRunning,
        drainTimeout,
        topicSuffix,
        stopDrainTimeout,
        keepKafkaData);
  }

  /**
   * Whether a later run reads this run's topics, and so resumes its quarantine rows' reviews: the
   * command's (the contract's names), or a test's that keeps its broker's data for a second system.
   */
  public boolean topicsOutliveRun() {
    return topicSuffix.isEmpty() || keepKafkaData;
  }

  public String temporalAddress() {
    return external.temporal() != null ? external.temporal() : "localhost:" + ports.temporal();
  }

  public String kafkaBootstrap() {
    return external.kafka() != null ? external.kafka() : "localhost:" + ports.kafka();
  }

  public String inferenceUrl() {
    return external.inferenceUrl() != null
        ? external.inferenceUrl()
        : "http://localhost:" + ports.inference();
  }

  static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }

  /** A bad command line: the message (or none, for --help) and then the usage. */
  static final class UsageException extends RuntimeException {
    UsageException(String message) {
      super(message);
    }
  }
}
