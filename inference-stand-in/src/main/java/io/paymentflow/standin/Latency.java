package io.paymentflow.standin;

import java.time.Duration;

/**
 * How long a model call waits before answering: a time in {@code [min, max]} chosen from the
 * request's bytes, so the same request always waits the same, as the real service's 10 to 100 ms
 * simulated work would vary between requests.
 */
public record Latency(Duration min, Duration max) {

  public static final Latency NONE = new Latency(Duration.ZERO, Duration.ZERO);

  public Latency {
    if (min == null || max == null || min.isNegative() || max.compareTo(min) < 0) {
      throw new IllegalArgumentException("latency needs 0 <= min <= max, was " + min + ".." + max);
    }
  }

  /** {@code 10ms..100ms}, or one duration for a fixed wait; units as {@link Durations#parse}. */
  public static Latency parse(String text) {
    String[] bounds = text.split("\\.\\.", -1);
    if (bounds.length == 1) {
      Duration fixed = Durations.parse(bounds[0]);
      return new Latency(fixed, fixed);
    }
    if (bounds.length != 2) {
      throw new IllegalArgumentException("latency is MIN..MAX (e.g. 10ms..100ms), was " + text);
    }
    return new Latency(Durations.parse(bounds[0]), Durations.parse(bounds[1]));
  }

  /** The wait for a request with this body. */
  Duration of(String body) {
    if (max.isZero()) {
      return Duration.ZERO;
    }
    long span = max.toNanos() - min.toNanos();
    return min.plusNanos((long) (span * StableHash.unit(body)));
  }
}
