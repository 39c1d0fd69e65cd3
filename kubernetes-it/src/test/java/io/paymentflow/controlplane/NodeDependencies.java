package io.paymentflow.controlplane;

import io.paymentflow.contracts.Topics;
import io.paymentflow.embeddedtemporal.EmbeddedTemporalServer;
import io.paymentflow.localrun.LocalKafka;
import io.paymentflow.localrun.LocalPostgres;
import io.paymentflow.localrun.Ports;
import io.paymentflow.localrun.PostgresSettings;
import io.paymentflow.standin.InferenceStandIn;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the pods of the dev overlay talk to, run on this machine where the node's pods reach them at
 * the node's address: a KRaft broker listening on it, Temporal (the in-JVM server, on every
 * interface), the inference stand-in (on every interface), and the system's PostgreSQL, which
 * listens on loopback only, through a {@link TcpRelay}. {@link #configuration()} is what an
 * environment's overlay sets to find them, as docs/deployment.md describes.
 */
final class NodeDependencies implements AutoCloseable {

  private static final int PARTITIONS = 2;

  private final String nodeAddress;
  private final PostgresSettings postgresSettings =
      PostgresSettings.fromEnvironment(System.getenv());
  private final Deque<AutoCloseable> started = new ArrayDeque<>();
  private LocalKafka kafka;
  private EmbeddedTemporalServer temporal;
  private InferenceStandIn standIn;
  private LocalPostgres postgres;
  private TcpRelay postgresRelay;

  private NodeDependencies(String nodeAddress) {
    this.nodeAddress = nodeAddress;
  }

  static NodeDependencies start(String nodeAddress, Path work) {
    NodeDependencies dependencies = new NodeDependencies(nodeAddress);
    try {
      dependencies.startAll(work);
      return dependencies;
    } catch (RuntimeException e) {
      dependencies.close();
      throw e;
    }
  }

  private void startAll(Path work) {
    kafka =
        LocalKafka.start(
            nodeAddress,
            Ports.free(),
            work.resolve("kafka"),
            PARTITIONS,
            List.of(Topics.INPUT, Topics.DLQ),
            false);
    started.push(kafka);
    temporal = new EmbeddedTemporalServer();
    started.push(temporal);
    standIn = InferenceStandIn.start(0);
    started.push(standIn);
    // The server and login ./run-local uses (CONTRACTS section 5's role), found the same way.
    postgres =
        new LocalPostgres(
            postgresSettings.host(),
            postgresSettings.port(),
            postgresSettings.user(),
            postgresSettings.password());
    postgres.ensureReady();
    postgresRelay =
        TcpRelay.start(
            nodeAddress, new InetSocketAddress(postgresSettings.host(), postgresSettings.port()));
    started.push(postgresRelay);
    System.out.printf(
        "[node] dependencies at %s: Kafka %s, Temporal :%d, inference :%d, PostgreSQL :%d%n",
        nodeAddress,
        kafka.bootstrapServers(),
        temporal.port(),
        standIn.port(),
        postgresRelay.port());
  }

  /** The apps' database password, for the Secret the db worker reads it from. */
  String postgresPassword() {
    return postgresSettings.password();
  }

  /** Per generated ConfigMap of the base, the settings that point the apps at these servers. */
  Map<String, Map<String, String>> configuration() {
    Map<String, Map<String, String>> configuration = new LinkedHashMap<>();
    configuration.put(
        "paymentflow-shared-config",
        Map.of("TEMPORAL_WORKER_TEMPORAL_HOST", nodeAddress + ":" + temporal.port()));
    configuration.put(
        "kafka-bridge-config",
        Map.of("TEMPORAL_WORKER_KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers()));
    configuration.put(
        "activity-worker-inference-config",
        Map.of(
            "TEMPORAL_WORKER_INFERENCE_SERVICE_URL",
            "http://" + nodeAddress + ":" + standIn.port()));
    configuration.put(
        "activity-worker-db-config",
        Map.of(
            "TEMPORAL_WORKER_POSTGRES_HOST",
            nodeAddress,
            "TEMPORAL_WORKER_POSTGRES_PORT",
            Integer.toString(postgresRelay.port())));
    return configuration;
  }

  String kafkaBootstrap() {
    return kafka.bootstrapServers();
  }

  LocalPostgres postgres() {
    return postgres;
  }

  @Override
  public void close() {
    while (!started.isEmpty()) {
      try {
        started.pop().close();
      } catch (Exception e) {
        System.err.println("[node] closing a dependency: " + e);
      }
    }
  }
}
