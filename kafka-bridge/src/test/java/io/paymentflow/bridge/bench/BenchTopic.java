package io.paymentflow.bridge.bench;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.paymentflow.bridge.support.Events;
import io.paymentflow.bridge.support.KafkaBroker;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;

/** A topic of its own per run, filled before the run starts, for the variants that read Kafka. */
final class BenchTopic {

  /** Creates {@code bench.<name>} and writes {@code records} distinct events to it. */
  static String publish(KafkaBroker kafka, String name, int records) {
    String topic = "bench." + name;
    kafka.createTopic(topic, BridgeBenchmark.PARTITIONS);
    for (int i = 0; i < records; i++) {
      String eventId = name + ":evt_" + i;
      kafka.send(topic, Events.key(eventId), Events.bytes(eventId));
    }
    kafka.flush();
    return topic;
  }

  /** How the variants read an event: as the bridge does, ignoring fields it does not know. */
  static ObjectMapper json() {
    return new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
  }

  /** A consumer of its own group from the start of the topic, committing only when told. */
  static Map<String, Object> consumerConfig(KafkaBroker kafka, String name) {
    return Map.of(
        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
        kafka.bootstrapServers(),
        ConsumerConfig.GROUP_ID_CONFIG,
        "bench-" + name,
        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
        "earliest",
        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
        false);
  }

  private BenchTopic() {}
}
