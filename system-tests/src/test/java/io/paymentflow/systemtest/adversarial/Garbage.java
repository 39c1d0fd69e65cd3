package io.paymentflow.systemtest.adversarial;

import io.paymentflow.systemtest.adversarial.AdversarialRecords.Expect;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

/** Bytes that are no readable record: each must still become a quarantine row with its bytes. */
record Garbage(String kind, byte[] bytes, Expect expect) {

  /** One kind of garbage; {@code unique} keeps an id it may carry apart from other runs'. */
  static Garbage pick(SplittableRandom random, String unique) {
    return switch (random.nextInt(14)) {
      case 0 -> quarantine("random bytes", randomBytes(random, 1 + random.nextInt(200)));
      case 1 -> quarantine("invalid UTF-8", new byte[] {'{', '"', (byte) 0xC3, 0x28, '"', '}'});
      case 2 -> quarantine("empty value", new byte[0]);
      case 3 -> quarantine("no value (a tombstone)", null);
      case 4 -> quarantine("truncated JSON", utf8("{\"event_id\":\"trunc\",\"amount_cents\":"));
      case 5 -> quarantine("a JSON array", utf8("[{\"event_id\":\"in-an-array\"}]"));
      case 6 -> quarantine("a JSON string", utf8("\"just a string\""));
      case 7 ->
          quarantine("nested past the parser's depth", utf8("[".repeat(600) + "]".repeat(600)));
      case 8 ->
          quarantine("a number past the parser's length", utf8("{\"n\":" + "9".repeat(1200) + "}"));
      case 9 -> quarantine("duplicate keys", utf8("{\"event_id\":\"a\",\"event_id\":\"b\"}"));
      case 10 -> quarantine("NaN", utf8("{\"event_id\":\"nan\",\"amount_cents\":NaN}"));
      case 11 -> quarantine("trailing content", utf8("{\"event_id\":\"t\"} {}"));
      case 12 ->
          new Garbage(
              "UTF-8 byte-order mark before an object",
              utf8("\uFEFF{\"event_id\":\"bom:" + unique + "\"}"),
              Expect.EITHER);
      default -> quarantine("UTF-16", "{\"event_id\":\"u16\"}".getBytes(StandardCharsets.UTF_16));
    };
  }

  private static Garbage quarantine(String kind, byte[] bytes) {
    return new Garbage(kind, bytes, Expect.QUARANTINE);
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] randomBytes(SplittableRandom random, int length) {
    byte[] bytes = new byte[length];
    for (int i = 0; i < length; i++) {
      bytes[i] = (byte) random.nextInt(256);
    }
    return bytes;
  }
}
