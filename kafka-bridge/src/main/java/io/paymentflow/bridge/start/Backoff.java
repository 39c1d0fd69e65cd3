package io.paymentflow.bridge.start;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Exponential backoff between attempts of one start, capped, with jitter so that the starts that
 * failed together during an outage do not all hit a recovering Temporal at the same instant.
 */
record Backoff(Duration initial, Duration max, double multiplier) {

  /**
   * @param failures how many attempts have failed so far, at least 1
   */
  Duration delay(int failures) {
    double exponential = initial.toNanos() * Math.pow(multiplier, Math.max(0, failures - 1));
    double jittered = exponential * (0.8 + 0.4 * ThreadLocalRandom.current().nextDouble());
    return Duration.ofNanos((long) Math.min(jittered, max.toNanos()));
  }
}
