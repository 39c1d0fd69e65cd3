package io.paymentflow.bridge.listen;

import io.paymentflow.contracts.event.KafkaCoordinates;
import java.nio.ByteBuffer;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Copies a record value out of the fetch buffer only up to the size bound: a larger value keeps
 * just its first bytes and its size, so an oversized record is never held whole by the bridge
 * (Kafka itself still fetches it once) and never reaches Temporal, whose payload limit it could
 * exceed. Never throws: a value that cannot be read is the reader's business, as a poison record.
 * The whole value's hash is taken on the way, for the record's identity ({@link
 * KafkaCoordinates#recordHash}).
 */
final class BoundedValueDeserializer implements Deserializer<RawValue> {

  private final int maxBytes;
  private final int prefixBytes;

  BoundedValueDeserializer(int maxBytes, int prefixBytes) {
    this.maxBytes = maxBytes;
    this.prefixBytes = prefixBytes;
  }

  @Override
  public RawValue deserialize(String topic, byte[] data) {
    return data == null ? null : deserialize(topic, null, ByteBuffer.wrap(data));
  }

  @Override
  public RawValue deserialize(String topic, Headers headers, ByteBuffer data) {
    if (data == null) {
      return null;
    }
    int size = data.remaining();
    byte[] kept = new byte[size > maxBytes ? prefixBytes : size];
    data.duplicate().get(kept);
    // Hashed whole, here where the whole value still is: an oversized record's identity too.
    return new RawValue(kept, size, KafkaCoordinates.hashOf(data));
  }
}
