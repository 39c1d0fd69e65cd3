package io.paymentflow.localrun;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.MetadataVersion;

/**
 * A real single-node KRaft broker (broker and controller in one) in this JVM, on a fixed port and a
 * data directory of its own, so that it can be stopped and started again with its data: the
 * reliability suite restarts it mid-stream. (spring-kafka-test's embedded KRaft broker ignores
 * fixed ports and cannot restart.)
 */
public final class LocalKafka implements AutoCloseable {

  private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);

  private final int port;
  private final KafkaConfig config;
  private final String host;
  private final Path dataDirectory;
  private final boolean keepData;
  private KafkaRaftServer server;

  private LocalKafka(
      String host, int port, KafkaConfig config, Path dataDirectory, boolean keepData) {
    this.host = host;
    this.port = port;
    this.config = config;
    this.dataDirectory = dataDirectory;
    this.keepData = keepData;
  }

  /** Formats {@code dataDirectory} when new, starts the broker and creates the topics. */
  static LocalKafka start(
      int port, Path dataDirectory, int partitions, List<String> topics, boolean keepData) {
    return start("localhost", port, dataDirectory, partitions, topics, keepData);
  }

  /**
   * As {@link #start(int, Path, int, List, boolean)}, but listening on and advertising {@code
   * host}, an address of this machine that other network namespaces reach (a cluster node's pods);
   * the controller stays on loopback.
   */
  public static LocalKafka start(
      String host,
      int port,
      Path dataDirectory,
      int partitions,
      List<String> topics,
      boolean keepData) {
    int controllerPort = Ports.free();
    Properties p = new Properties();
    p.put("process.roles", "broker,controller");
    p.put("node.id", "1");
    p.put("controller.quorum.voters", "1@localhost:" + controllerPort);
    p.put(
        "listeners",
        "PLAINTEXT://" + host + ":" + port + ",CONTROLLER://localhost:" + controllerPort);
    p.put("advertised.listeners", "PLAINTEXT://" + host + ":" + port);
    p.put("controller.listener.names", "CONTROLLER");
    p.put("inter.broker.listener.name", "PLAINTEXT");
    p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
    p.put("log.dirs", dataDirectory.toString());
    p.put("num.partitions", Integer.toString(partitions));
    p.put("offsets.topic.replication.factor", "1");
    p.put("offsets.topic.num.partitions", "4");
    p.put("transaction.state.log.replication.factor", "1");
    p.put("transaction.state.log.min.isr", "1");
    p.put("group.initial.rebalance.delay.ms", "0");
    p.put("auto.create.topics.enable", "false");
    // Lets tests send records larger than the bridge's bound, to see them quarantined.
    p.put("message.max.bytes", Integer.toString(LocalSystem.MAX_MESSAGE_BYTES));
    KafkaConfig config = new KafkaConfig(p);
    format(config, dataDirectory);
    LocalKafka kafka = new LocalKafka(host, port, config, dataDirectory, keepData);
    kafka.startBroker();
    TopicCreation.ensure(kafka.bootstrapServers(), topics, partitions);
    return kafka;
  }

  private static void format(KafkaConfig config, Path dataDirectory) {
    if (Files.exists(dataDirectory.resolve("meta.properties"))) {
      return; // Formatted by an earlier run: keep its cluster id, topics and offsets.
    }
    try {
      Files.createDirectories(dataDirectory);
      new Formatter()
          .setPrintStream(new PrintStream(PrintStream.nullOutputStream()))
          .setClusterId(Uuid.randomUuid().toString())
          .setNodeId(config.nodeId())
          .setControllerListenerName("CONTROLLER")
          .setMetadataLogDirectory(dataDirectory.toString())
          .setDirectories(List.of(dataDirectory.toString()))
          .setReleaseVersion(MetadataVersion.LATEST_PRODUCTION)
          .setIgnoreFormatted(true)
          .run();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (Exception e) {
      throw new IllegalStateException("cannot format Kafka storage in " + dataDirectory, e);
    }
  }

  /** Starts the broker on its data; also after {@link #stopBroker()}, like a restarted pod. */
  public synchronized void startBroker() {
    server = new KafkaRaftServer(config, Time.SYSTEM);
    server.startup();
  }

  /**
   * A clean broker shutdown (clients see the broker go away, then come back on restart). The wait
   * is bounded: once, at the end of a benchmark, this JVM's KRaft server spun in its raft I/O
   * thread for minutes instead of stopping, and a stop must not hang the command that asked for it
   * (every caller exits the JVM afterwards, or fails its restart loudly on the still-locked data).
   */
  public synchronized void stopBroker() {
    if (server == null) {
      return;
    }
    KafkaRaftServer stopping = server;
    server = null;
    Thread shutdown =
        new Thread(
            () -> {
              stopping.shutdown();
              stopping.awaitShutdown();
            },
            "local-kafka-shutdown");
    shutdown.setDaemon(true);
    shutdown.start();
    try {
      shutdown.join(STOP_TIMEOUT.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (shutdown.isAlive()) {
      System.err.printf(
          "Kafka broker on port %d did not stop within %d s; leaving it to the JVM's exit%n",
          port, STOP_TIMEOUT.toSeconds());
    }
  }

  public String bootstrapServers() {
    return host + ":" + port;
  }

  /** Stops the broker; deletes its data unless it is kept for the next run. */
  @Override
  public void close() {
    stopBroker();
    if (keepData) {
      return;
    }
    try (var files = Files.walk(dataDirectory)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException e) {
      // Leftovers in the work directory are harmless.
    }
  }
}
