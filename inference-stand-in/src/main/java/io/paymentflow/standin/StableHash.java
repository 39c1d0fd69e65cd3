package io.paymentflow.standin;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The stand-in's only source of variation: SHA-256 of the request fields. Unlike {@code
 * String.hashCode} or a seeded {@code Random}, it is specified, so results are the same across
 * JVMs, versions and restarts.
 */
final class StableHash {

  private StableHash() {}

  /**
   * A number in [0, 1) fixed by {@code parts}. Parts are joined with NUL and nulls are marked, so
   * {@code ("a", null)} and {@code ("anull")} hash differently.
   */
  static double unit(String... parts) {
    StringBuilder joined = new StringBuilder();
    for (String part : parts) {
      joined.append(part == null ? "\u0001null" : part).append('\u0000');
    }
    byte[] digest = sha256().digest(joined.toString().getBytes(StandardCharsets.UTF_8));
    long bits = ByteBuffer.wrap(digest).getLong();
    // The top 53 bits fill a double's mantissa exactly: uniform in [0, 1).
    return (bits >>> 11) * 0x1.0p-53;
  }

  /** {@code value} clamped to [0, 1] with the 4 decimals the numeric(5,4) columns hold. */
  static BigDecimal score(double value) {
    double clamped = Math.max(0.0, Math.min(1.0, value));
    return BigDecimal.valueOf(clamped).setScale(4, RoundingMode.HALF_UP);
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK provides SHA-256", e);
    }
  }
}
