package io.paymentflow.bridge.poison;

import static org.assertj.core.api.Assertions.assertThat;

import io.paymentflow.contracts.event.PayloadEncoding;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class RawPayloadTest {

  @Test
  void utf8BytesAreKeptAsText() {
    RawPayload payload = RawPayload.of("caf\u00e9 \u20ac".getBytes(StandardCharsets.UTF_8));

    assertThat(payload).isEqualTo(new RawPayload("caf\u00e9 \u20ac", PayloadEncoding.UTF8));
  }

  @Test
  void otherBytesAreKeptAsBase64() {
    RawPayload payload = RawPayload.of(new byte[] {(byte) 0xC3, (byte) 0x28});

    assertThat(payload).isEqualTo(new RawPayload("wyg=", PayloadEncoding.BASE64));
  }

  @Test
  void aPrefixCutInsideACharacterIsStillText() {
    byte[] euro = "ab\u20ac".getBytes(StandardCharsets.UTF_8); // the euro sign is 3 bytes
    byte[] cut = Arrays.copyOf(euro, euro.length - 1);

    assertThat(RawPayload.ofPrefix(cut)).isEqualTo(new RawPayload("ab", PayloadEncoding.UTF8));
  }

  @Test
  void aBinaryPrefixIsBase64() {
    byte[] binary = {(byte) 0xFF, (byte) 0xFE, (byte) 0xFD, (byte) 0xFC, (byte) 0xFB, 0x41};

    assertThat(RawPayload.ofPrefix(binary).encoding()).isEqualTo(PayloadEncoding.BASE64);
  }
}
