package io.paymentflow.localrun;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * What {@code run-local} was asked to do.
 *
 * @param temporalTarget an existing Temporal server to use instead of the in-JVM one, or null
 * @param events how many demo events to publish; 0 publishes none
 * @param rate demo events per second
 * @param keepRunning whether to keep the system up after the demo (until Ctrl-C)
 */
public record LocalRunOptions(
    Path repositoryRoot,
    Path workDirectory,
    Ports ports,
    String temporalTarget,
    String postgresHost,
    int postgresPort,
    String postgresUser,
    String postgresPassword,
    int partitions,
    int events,
    int rate,
    boolean keepRunning,
    Duration drainTimeout,
    String topicSuffix) {

  static final String USAGE =
      """
      Usage: ./run-local [--events=N] [--rate=N] [--exit-after-demo] [--temporal=host:port]
                         [--partitions=N] [--drain-timeout=PT5M]
        --events           demo events to publish (default 1000; 0 = none)
        --rate             demo events per second (default 200)
        --exit-after-demo  stop everything once the demo is reconciled (default: keep running)
        --temporal         use this Temporal server instead of the in-JVM one
                           (also TEMPORAL_WORKER_TEMPORAL_HOST)
        --partitions       partitions of each topic (default 4)
        --drain-timeout    how long the demo waits for every event to land (default PT5M)
        --ephemeral-ports  listen on free ports instead of the contract's (a second system beside one)
      PostgreSQL is expected at TEMPORAL_WORKER_POSTGRES_HOST:TEMPORAL_WORKER_POSTGRES_PORT
      (default localhost:5432).
      """;

  /** Parses {@code --name=value} options; an unknown option is an error, not ignored. */
  public static LocalRunOptions parse(String[] args, Map<String, String> env) {
    Path root = Path.of(env.getOrDefault("PAYMENTFLOW_HOME", ".")).toAbsolutePath().normalize();
    String temporal = blankToNull(env.get("TEMPORAL_WORKER_TEMPORAL_HOST"));
    int events = 1000;
    int rate = 200;
    int partitions = 4;
    boolean keepRunning = true;
    Duration drainTimeout = Duration.ofMinutes(5);
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
        case "--partitions" -> partitions = Integer.parseInt(value);
        case "--drain-timeout" -> drainTimeout = Duration.parse(value);
        case "--ephemeral-ports" -> ephemeralPorts = Boolean.parseBoolean(value);
        case "--help", "-h" -> throw new UsageException(null);
        default -> throw new UsageException("unknown option " + arg);
      }
    }
    if (events < 0 || rate <= 0 || partitions <= 0) {
      throw new UsageException("--events must be >= 0, --rate and --partitions > 0");
    }
    LocalRunOptions options =
        new LocalRunOptions(
            root,
            root.resolve(".local-run"),
            Ports.defaults(),
            temporal,
            env.getOrDefault("TEMPORAL_WORKER_POSTGRES_HOST", "localhost"),
            Integer.parseInt(env.getOrDefault("TEMPORAL_WORKER_POSTGRES_PORT", "5432")),
            env.getOrDefault("TEMPORAL_WORKER_POSTGRES_USER", "payments"),
            // A local-only default; deployments take the password from a Secret.
            env.getOrDefault("TEMPORAL_WORKER_POSTGRES_PASSWORD", "payments"),
            partitions,
            events,
            rate,
            keepRunning,
            drainTimeout,
            "");
    return ephemeralPorts
        ? options.onEphemeralPorts(
            root.resolve(".local-run").resolve("ephemeral-" + ProcessHandle.current().pid()))
        : options;
  }

  /**
   * The same run on free ports in its own work directory, with topics of its own: for tests beside
   * a running system. Quarantine rows are keyed by Kafka coordinates, which a fresh broker hands
   * out again from offset 0; topics unique to the run keep one run's rows from standing for
   * another's.
   */
  public LocalRunOptions onEphemeralPorts(Path work) {
    return new LocalRunOptions(
        repositoryRoot,
        work,
        Ports.ephemeral(),
        temporalTarget,
        postgresHost,
        postgresPort,
        postgresUser,
        postgresPassword,
        partitions,
        events,
        rate,
        keepRunning,
        drainTimeout,
        "-" + Long.toString(System.nanoTime(), 36));
  }

  /** The same run with another Temporal server, e.g. a real one the reliability suite restarts. */
  public LocalRunOptions withTemporalTarget(String target) {
    return new LocalRunOptions(
        repositoryRoot,
        workDirectory,
        ports,
        target,
        postgresHost,
        postgresPort,
        postgresUser,
        postgresPassword,
        partitions,
        events,
        rate,
        keepRunning,
        drainTimeout,
        topicSuffix);
  }

  /** The same run logging in to PostgreSQL as another role. */
  public LocalRunOptions withPostgresCredentials(String user, String password) {
    return new LocalRunOptions(
        repositoryRoot,
        workDirectory,
        ports,
        temporalTarget,
        postgresHost,
        postgresPort,
        user,
        password,
        partitions,
        events,
        rate,
        keepRunning,
        drainTimeout,
        topicSuffix);
  }

  public String temporalAddress() {
    return temporalTarget != null ? temporalTarget : "localhost:" + ports.temporal();
  }

  public String kafkaBootstrap() {
    return "localhost:" + ports.kafka();
  }

  public String inferenceUrl() {
    return "http://localhost:" + ports.inference();
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }

  /** A bad command line: the message (or none, for --help) and then the usage. */
  static final class UsageException extends RuntimeException {
    UsageException(String message) {
      super(message);
    }
  }
}
