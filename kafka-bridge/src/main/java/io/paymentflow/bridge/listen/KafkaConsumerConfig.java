package io.paymentflow.bridge.listen;

import io.paymentflow.bridge.BridgeProperties;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.springframework.boot.kafka.autoconfigure.DefaultKafkaConsumerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;

/**
 * Spring Boot builds the consumer factory from {@code spring.kafka.*} (connection, security, group,
 * Micrometer client metrics); the bridge only replaces its deserializers, which need the size bound
 * and so are instances rather than class names in YAML.
 */
@Configuration(proxyBeanMethods = false)
class KafkaConsumerConfig {

  @Bean
  DefaultKafkaConsumerFactoryCustomizer boundedDeserializers(BridgeProperties properties) {
    int maxBytes = (int) Math.min(Integer.MAX_VALUE, properties.maxRecordBytes().toBytes());
    int prefixBytes = (int) properties.oversizedPrefixBytes().toBytes();
    return factory -> {
      @SuppressWarnings("unchecked")
      DefaultKafkaConsumerFactory<byte[], RawValue> typed =
          (DefaultKafkaConsumerFactory<byte[], RawValue>) factory;
      // Keys are the event id by contract and not used: the value is authoritative.
      typed.setKeyDeserializerSupplier(ByteArrayDeserializer::new);
      typed.setValueDeserializerSupplier(() -> new BoundedValueDeserializer(maxBytes, prefixBytes));
    };
  }
}
