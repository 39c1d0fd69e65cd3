package io.paymentflow.bridge.listen;

import io.paymentflow.contracts.event.KafkaCoordinates;

/**
 * A record value as the bridge keeps it: all of it, or only a prefix when it is over the size
 * bound.
 *
 * @param bytes the value, or its first bytes when {@link #oversized()}
 * @param size the value's full size in bytes
 * @param hash {@link KafkaCoordinates#hashOf} the whole value, part of the record's identity
 */
record RawValue(byte[] bytes, int size, String hash) {

  /** A value kept whole. */
  static RawValue of(byte[] value) {
    return new RawValue(value, value.length, KafkaCoordinates.hashOf(value));
  }

  boolean oversized() {
    return bytes.length < size;
  }
}
