package io.paymentflow.bridge.listen;

/**
 * A record value as the bridge keeps it: all of it, or only a prefix when it is over the size
 * bound.
 *
 * @param bytes the value, or its first bytes when {@link #oversized()}
 * @param size the value's full size in bytes
 */
record RawValue(byte[] bytes, int size) {

  boolean oversized() {
    return bytes.length < size;
  }
}
