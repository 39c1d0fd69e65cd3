package io.paymentflow.systemtest;

import io.paymentflow.localrun.LocalSystem;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/** Single records for the tests that follow one record by its coordinates. */
final class Records {

  private Records() {}

  /** Publishes one value and returns where the broker acknowledged it. */
  static RecordMetadata publish(LocalSystem system, String topic, String value) throws Exception {
    try (KafkaProducer<byte[], byte[]> producer =
        new KafkaProducer<>(
            Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, system.options().kafkaBootstrap()),
            new ByteArraySerializer(),
            new ByteArraySerializer())) {
      return producer
          .send(new ProducerRecord<>(topic, value.getBytes(StandardCharsets.UTF_8)))
          .get();
    }
  }
}
