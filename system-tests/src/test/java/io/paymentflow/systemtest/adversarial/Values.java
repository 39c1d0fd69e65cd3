package io.paymentflow.systemtest.adversarial;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.SplittableRandom;

/** Values for one field: storable ones of every odd kind, and ones no column can hold. */
final class Values {

  /**
   * Ranges of code points that text draws from: scripts, symbols, and the odd corners of UTF-16.
   */
  private static final int[][] CODE_POINTS = {
    {0x20, 0x7E}, // ASCII
    {0xA0, 0xFF}, // Latin-1
    {0x0300, 0x036F}, // combining marks
    {0x0590, 0x05FF}, // Hebrew, right to left
    {0x0600, 0x06FF}, // Arabic
    {0x4E00, 0x4FFF}, // CJK
    {0x1F300, 0x1F64F}, // emoji, two UTF-16 units each
    {0x10000, 0x1007F}, // Linear B, supplementary plane
    {0xE000, 0xE0FF}, // private use
    {0xFFF0, 0xFFFF}, // specials and the noncharacters U+FFFE, U+FFFF
    {0x2028, 0x2029}, // line and paragraph separators
    {0x200B, 0x200F}, // zero width and direction marks
    {0xFEFF, 0xFEFF}, // byte-order mark inside text
    {0x01, 0x1F}, // control characters (NUL excluded)
    {0x7F, 0x9F}, // DEL and C1 controls
  };

  private static final String[] TRICKY =
      new String[] {
        "",
        " ",
        "\t\n\r",
        "null",
        "'; DROP TABLE payment_events; --",
        "$$ E'\\\\x00' $$",
        "%_\\",
        "{\"event_id\":\"nested\"}",
        "\\u0000",
        "<script>alert(1)</script>",
        "Robert'); --",
        "\u00e9\u0301", // é and a combining acute
        "\uD83D\uDC69\u200D\uD83D\uDC69\u200D\uD83D\uDC67", // one family emoji, five code points
      };

  private static final DateTimeFormatter[] TIMESTAMP_FORMATS = {
    DateTimeFormatter.ISO_OFFSET_DATE_TIME,
    DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssXXX"),
    DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSxxx"),
    DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSSSSXXX"),
  };

  private Values() {}

  /** Storable text: any of the ranges above, a tricky string, or empty. */
  static String text(SplittableRandom random) {
    return switch (random.nextInt(6)) {
      case 0 -> TRICKY[random.nextInt(TRICKY.length)];
      case 1 -> ascii(random, 1 + random.nextInt(40));
      default -> mixed(random, random.nextInt(60));
    };
  }

  /** Text with a NUL or an unpaired surrogate somewhere in it. */
  static String unstorableText(SplittableRandom random) {
    String text = text(random);
    int at = random.nextInt(text.length() + 1);
    // Never split a pair: an inserted character between two halves would leave both unpaired.
    while (at > 0 && at < text.length() && Character.isLowSurrogate(text.charAt(at))) {
      at--;
    }
    String bad =
        switch (random.nextInt(3)) {
          case 0 -> "\u0000";
          case 1 -> String.valueOf((char) (0xD800 + random.nextInt(0x400)));
          default -> String.valueOf((char) (0xDC00 + random.nextInt(0x400)));
        };
    return text.substring(0, at) + bad + text.substring(at);
  }

  static String mixed(SplittableRandom random, int codePoints) {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < codePoints; i++) {
      int[] range = CODE_POINTS[random.nextInt(CODE_POINTS.length)];
      text.appendCodePoint(range[0] + random.nextInt(range[1] - range[0] + 1));
    }
    return text.toString();
  }

  static String ascii(SplittableRandom random, int length) {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < length; i++) {
      text.append((char) ('a' + random.nextInt(26)));
    }
    return text.toString();
  }

  /** A long storable text: mostly non-ASCII, some control characters (escaped in JSON). */
  static String longText(SplittableRandom random, int codePoints) {
    StringBuilder text = new StringBuilder();
    while (text.length() < codePoints) {
      text.append(mixed(random, 1 + random.nextInt(200)));
      text.append(random.nextBoolean() ? "\u0001\t" : "\u20AC\uD83D\uDE00");
    }
    return text.toString();
  }

  /**
   * A usable event id: at most 247 code points, unique by {@code unique}, with any storable
   * characters around it.
   */
  static String eventId(SplittableRandom random, String unique) {
    String id =
        switch (random.nextInt(5)) {
          case 0 -> "stripe:evt_" + unique;
          case 1 -> mixed(random, 1 + random.nextInt(20)) + ":" + unique;
          case 2 -> " " + unique + "\t";
          case 3 -> "adyen:" + unique + ":" + "\uD83D\uDCB8".repeat(random.nextInt(40));
          default -> padTo(random, "square:" + unique, 200 + random.nextInt(48));
        };
    int length = id.codePointCount(0, id.length());
    return length <= 247 ? id : id.substring(0, id.offsetByCodePoints(0, 247));
  }

  /** {@code prefix} then code points up to {@code codePoints} in all. */
  static String padTo(SplittableRandom random, String prefix, int codePoints) {
    StringBuilder id = new StringBuilder(prefix);
    while (id.codePointCount(0, id.length()) < codePoints) {
      id.appendCodePoint(random.nextBoolean() ? 'x' : 0x1F4B8);
    }
    return id.toString();
  }

  /** ISO-8601 with an offset, within PostgreSQL's range, with any offset Java accepts. */
  static String timestamp(SplittableRandom random) {
    long seconds =
        switch (random.nextInt(6)) {
          case 0 ->
              Instant.parse("-4712-01-01T00:00:00Z").getEpochSecond() + random.nextInt(86_400);
          case 1 ->
              Instant.parse("+294276-12-30T00:00:00Z").getEpochSecond() + random.nextInt(86_400);
          case 2 -> random.nextLong(-62_135_596_800L, 253_402_300_799L); // years 1 to 9999
          default -> 1_700_000_000L + random.nextInt(100_000_000);
        };
    int offsetSeconds = random.nextInt(4) == 0 ? 0 : random.nextInt(-18 * 3600, 18 * 3600 + 1);
    int nanos = random.nextInt(3) == 0 ? 0 : random.nextInt(1_000_000_000);
    OffsetDateTime time =
        OffsetDateTime.ofInstant(
            Instant.ofEpochSecond(seconds, nanos), ZoneOffset.ofTotalSeconds(offsetSeconds));
    if (offsetSeconds == 0 && random.nextBoolean()) {
      return time.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME).replace("Z", "+00:00");
    }
    return time.format(TIMESTAMP_FORMATS[random.nextInt(TIMESTAMP_FORMATS.length)]);
  }

  /** A timestamp no timestamptz holds, or that is no ISO-8601 with an offset. */
  static String badTimestamp(SplittableRandom random) {
    return switch (random.nextInt(7)) {
      case 0 -> "+300000-01-01T00:00:00Z";
      case 1 -> "-300000-01-01T00:00:00Z";
      case 2 -> "-4713-06-01T00:00:00Z";
      case 3 -> "2026-01-15T10:30:00";
      case 4 -> "2026-02-30T10:30:00Z";
      case 5 -> "2026-01-15T10:30:00+19:00";
      default -> "15/01/2026 10:30";
    };
  }

  /** A whole number for amount_cents: any long, the extremes included. */
  static long amount(SplittableRandom random) {
    return switch (random.nextInt(6)) {
      case 0 -> Long.MAX_VALUE;
      case 1 -> Long.MIN_VALUE;
      case 2 -> 0;
      case 3 -> -random.nextInt(1_000_000);
      default -> random.nextLong(1, 200_000_000);
    };
  }
}
