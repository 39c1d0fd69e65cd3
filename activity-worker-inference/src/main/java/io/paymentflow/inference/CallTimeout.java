package io.paymentflow.inference;

import java.time.Duration;

/**
 * How long one HTTP call may take: the configured timeout, unless the activity's real
 * start-to-close, read from its {@code ActivityInfo} at run time, leaves less. Then the call gets
 * that much less {@link #REPORT_MARGIN}, so it ends as a retryable HTTP timeout the worker reports
 * while the attempt is still alive, never as an activity timeout noticed only at the deadline. The
 * workflow worker owns the start-to-close (CONTRACTS 2.4); nothing here keeps a copy of it.
 */
final class CallTimeout {

  /** What the attempt needs after the call to report its result or failure. */
  static final Duration REPORT_MARGIN = Duration.ofSeconds(1);

  private static final Duration SHORTEST = Duration.ofMillis(100);

  private CallTimeout() {}

  /**
   * @param startToClose the attempt's start-to-close; zero or null when it has none (then only the
   *     schedule-to-close bounds it, and the configured timeout stands)
   */
  static Duration of(Duration configured, Duration startToClose) {
    if (startToClose == null || startToClose.isZero()) {
      return configured;
    }
    Duration fits = startToClose.minus(REPORT_MARGIN);
    if (fits.compareTo(SHORTEST) < 0) {
      fits = SHORTEST;
    }
    return fits.compareTo(configured) < 0 ? fits : configured;
  }
}
