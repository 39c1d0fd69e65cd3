package io.paymentflow.localrun;

import io.paymentflow.contracts.Topics;
import io.paymentflow.contracts.event.KafkaCoordinates;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Publishes a stream of records at a steady rate with a live progress line, waits for the system to
 * drain, and reconciles what was published with the rows in both tables.
 */
public final class DemoStream {

  private final String kafkaBootstrap;
  private final String inputTopic;
  private final String dlqTopic;
  private final RowCounter counter;
  private final PrintStream out;

  public DemoStream(LocalSystem system, PrintStream out) {
    this(
        system.options().kafkaBootstrap(),
        system.inputTopic(),
        system.dlqTopic(),
        system.postgres(),
        out);
  }

  /**
   * A stream on the contract's topics of any Kafka and PostgreSQL, not only a local run's: the K3s
   * test publishes through a NodePort and counts the rows in the cluster's database.
   */
  public DemoStream(String kafkaBootstrap, LocalPostgres postgres, PrintStream out) {
    this(kafkaBootstrap, Topics.INPUT, Topics.DLQ, postgres, out);
  }

  private DemoStream(
      String kafkaBootstrap,
      String inputTopic,
      String dlqTopic,
      LocalPostgres postgres,
      PrintStream out) {
    this.kafkaBootstrap = kafkaBootstrap;
    this.inputTopic = inputTopic;
    this.dlqTopic = dlqTopic;
    this.counter = new RowCounter(postgres);
    this.out = out;
  }

  /** A fresh demo mix for {@code system}'s topics, whose event ids are unique to this call. */
  public static DemoEvents newDemo(LocalSystem system) {
    return newDemo(system.inputTopic(), system.dlqTopic());
  }

  /** A fresh demo mix for these topics, whose event ids are unique to this call. */
  public static DemoEvents newDemo(String inputTopic, String dlqTopic) {
    String runId = Long.toString(System.nanoTime(), 36);
    return new DemoEvents(runId, inputTopic, dlqTopic, runId.hashCode());
  }

  /** Generates {@code events} demo records, publishes them, waits and reconciles. */
  public Reconciliation run(int events, int ratePerSecond, Duration drainTimeout) throws Exception {
    DemoEvents demo = newDemo(inputTopic, dlqTopic);
    return publishAndReconcile(
        demo.eventIdMarker(), demo.generate(events), ratePerSecond, drainTimeout);
  }

  /** Publishes {@code records} (event ids carrying {@code marker}), waits and reconciles. */
  public Reconciliation publishAndReconcile(
      String marker, List<DemoRecord> records, int ratePerSecond, Duration drainTimeout)
      throws Exception {
    try (DemoProgress progress = new DemoProgress(counter, marker, records.size(), out)) {
      out.printf("Publishing %d records at %d/s%n", records.size(), ratePerSecond);
      PublishedStream stream = publish(marker, records, ratePerSecond, progress);
      Reconciliation result = progress.awaitDrained(stream, drainTimeout);
      out.println(result.report());
      return result;
    }
  }

  private PublishedStream publish(
      String marker, List<DemoRecord> records, int ratePerSecond, DemoProgress progress)
      throws Exception {
    List<Future<RecordMetadata>> pending = new ArrayList<>(records.size());
    try (KafkaProducer<byte[], byte[]> producer = producer()) {
      long interval = TimeUnit.SECONDS.toNanos(1) / ratePerSecond;
      long next = System.nanoTime();
      for (DemoRecord record : records) {
        LockSupport.parkNanos(next - System.nanoTime());
        next += interval;
        pending.add(
            producer.send(new ProducerRecord<>(record.topic(), record.key(), record.value())));
        progress.sent();
      }
      producer.flush();
      List<RowCounter.Coordinates> coordinates = new ArrayList<>(records.size());
      for (int i = 0; i < pending.size(); i++) {
        RecordMetadata m = pending.get(i).get(2, TimeUnit.MINUTES);
        coordinates.add(
            new RowCounter.Coordinates(
                m.topic(),
                m.partition(),
                m.offset(),
                KafkaCoordinates.hashOf(records.get(i).value())));
      }
      return new PublishedStream(marker, records, coordinates);
    }
  }

  private KafkaProducer<byte[], byte[]> producer() {
    return new KafkaProducer<>(
        Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
            kafkaBootstrap,
            ProducerConfig.ACKS_CONFIG,
            "all",
            ProducerConfig.LINGER_MS_CONFIG,
            5,
            ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
            true,
            // Keep retrying through a broker restart, or a whole local run stopped and started
            // again on the same ports and data, rather than failing the stream.
            ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG,
            300_000),
        new ByteArraySerializer(),
        new ByteArraySerializer());
  }
}
