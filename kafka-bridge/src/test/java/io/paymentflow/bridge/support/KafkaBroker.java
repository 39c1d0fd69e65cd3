package io.paymentflow.bridge.support;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/** A real KRaft broker in the JVM, on a random port, with a producer and an admin client. */
public final class KafkaBroker implements AutoCloseable {

  private final EmbeddedKafkaKraftBroker broker;
  private final KafkaProducer<byte[], byte[]> producer;
  private final AdminClient admin;
  private final Queue<Future<RecordMetadata>> pending = new ConcurrentLinkedQueue<>();

  public KafkaBroker() {
    broker = new EmbeddedKafkaKraftBroker(1, 1);
    // One broker: the transaction log cannot have Kafka's default three replicas, and a
    // transactional producer (an upstream that writes in transactions) would wait for them.
    broker.brokerProperty("transaction.state.log.replication.factor", "1");
    broker.brokerProperty("transaction.state.log.min.isr", "1");
    broker.afterPropertiesSet();
    Map<String, Object> config = new HashMap<>();
    config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
    config.put(ProducerConfig.LINGER_MS_CONFIG, 2);
    config.put(ProducerConfig.ACKS_CONFIG, "all");
    // Not idempotent: right after a topic is created the embedded broker may briefly answer
    // NOT_LEADER, and the idempotent producer's retries then trip over their own sequence
    // numbers. One request in flight keeps the order, which the tests rely on.
    config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, false);
    config.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 1);
    producer = new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer());
    admin = AdminClient.create(Map.of("bootstrap.servers", bootstrapServers()));
  }

  public String bootstrapServers() {
    return broker.getBrokersAsString();
  }

  /** Creates the topic and waits until every partition has a leader, so sends do not bounce. */
  public void createTopic(String name, int partitions) {
    broker.addTopics(new NewTopic(name, partitions, (short) 1));
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                producer.partitionsFor(name).size() == partitions
                    && producer.partitionsFor(name).stream().allMatch(p -> p.leader() != null));
  }

  /** Sends asynchronously; {@link #flush()} waits for everything sent so far. */
  public Future<RecordMetadata> send(String topic, byte[] key, byte[] value) {
    Future<RecordMetadata> future = producer.send(new ProducerRecord<>(topic, key, value));
    pending.add(future);
    return future;
  }

  public RecordMetadata sendNow(String topic, byte[] key, byte[] value)
      throws ExecutionException, InterruptedException {
    return send(topic, key, value).get();
  }

  /** Waits for everything sent so far; fails if any of it was not written. */
  public void flush() {
    producer.flush();
    List<Future<RecordMetadata>> sent = new ArrayList<>(pending);
    pending.clear();
    for (Future<RecordMetadata> future : sent) {
      try {
        future.get();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      } catch (ExecutionException e) {
        throw new IllegalStateException("a test record was not written", e.getCause());
      }
    }
  }

  /** The group's committed offsets, for the topic's partitions that have one. */
  public Map<TopicPartition, Long> committed(String group, String topic)
      throws ExecutionException, InterruptedException {
    Map<TopicPartition, OffsetAndMetadata> offsets =
        admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
    return offsets.entrySet().stream()
        .filter(e -> e.getKey().topic().equals(topic) && e.getValue() != null)
        .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
  }

  public Map<TopicPartition, Long> endOffsets(String topic, int partitions)
      throws ExecutionException, InterruptedException {
    Map<TopicPartition, OffsetSpec> request = new HashMap<>();
    for (int p = 0; p < partitions; p++) {
      request.put(new TopicPartition(topic, p), OffsetSpec.latest());
    }
    return admin.listOffsets(request).all().get().entrySet().stream()
        .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
  }

  @Override
  public void close() {
    producer.close();
    admin.close();
    broker.destroy();
  }
}
