package io.paymentflow.bridge.poison;

import io.paymentflow.contracts.event.PayloadEncoding;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;

/**
 * Raw record bytes as {@code original_payload} keeps them (CONTRACTS 4): the text itself when the
 * bytes are UTF-8, else base64 with encoding {@code base64}.
 */
public record RawPayload(String text, PayloadEncoding encoding) {

  public static final RawPayload EMPTY = new RawPayload("", PayloadEncoding.UTF8);

  public static RawPayload of(byte[] bytes) {
    try {
      return new RawPayload(decodeUtf8(bytes), PayloadEncoding.UTF8);
    } catch (CharacterCodingException notUtf8) {
      return base64(bytes);
    }
  }

  /**
   * For the first bytes of a longer record: a cut may split the last character, so up to three
   * trailing bytes are dropped before deciding that the bytes are not text.
   */
  public static RawPayload ofPrefix(byte[] prefix) {
    for (int drop = 0; drop <= Math.min(3, prefix.length); drop++) {
      try {
        byte[] candidate = Arrays.copyOf(prefix, prefix.length - drop);
        return new RawPayload(decodeUtf8(candidate), PayloadEncoding.UTF8);
      } catch (CharacterCodingException splitOrBinary) {
        // try a shorter cut
      }
    }
    return base64(prefix);
  }

  /** Strict UTF-8: malformed input is an error, never replaced. */
  public static String decodeUtf8(byte[] bytes) throws CharacterCodingException {
    return StandardCharsets.UTF_8
        .newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT)
        .decode(ByteBuffer.wrap(bytes))
        .toString();
  }

  private static RawPayload base64(byte[] bytes) {
    return new RawPayload(Base64.getEncoder().encodeToString(bytes), PayloadEncoding.BASE64);
  }
}
