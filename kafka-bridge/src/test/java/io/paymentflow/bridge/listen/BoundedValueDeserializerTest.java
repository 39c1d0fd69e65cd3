package io.paymentflow.bridge.listen;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

class BoundedValueDeserializerTest {

  private final BoundedValueDeserializer deserializer = new BoundedValueDeserializer(8, 3);

  @Test
  void keepsAValueWithinTheBoundWhole() {
    RawValue value = deserializer.deserialize("t", null, ByteBuffer.wrap(bytes(8)));

    assertThat(value.bytes()).isEqualTo(bytes(8));
    assertThat(value.oversized()).isFalse();
  }

  @Test
  void keepsOnlyThePrefixAndTheSizeOfAnOversizedValue() {
    ByteBuffer fetched = ByteBuffer.wrap(bytes(9));

    RawValue value = deserializer.deserialize("t", null, fetched);

    assertThat(value.bytes()).isEqualTo(new byte[] {0, 1, 2});
    assertThat(value.size()).isEqualTo(9);
    assertThat(value.oversized()).isTrue();
    assertThat(fetched.remaining()).as("the fetch buffer is left as it was").isEqualTo(9);
  }

  @Test
  void aMissingValueStaysMissing() {
    assertThat(deserializer.deserialize("t", null, (ByteBuffer) null)).isNull();
    assertThat(deserializer.deserialize("t", (byte[]) null)).isNull();
  }

  private static byte[] bytes(int n) {
    byte[] bytes = new byte[n];
    for (int i = 0; i < n; i++) {
      bytes[i] = (byte) i;
    }
    return bytes;
  }
}
