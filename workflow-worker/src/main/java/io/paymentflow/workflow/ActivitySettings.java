package io.paymentflow.workflow;

import java.time.Duration;

/**
 * Timeouts and retries of one activity type (CONTRACTS section 2.4). Every field may be left out in
 * configuration; {@link #orElse} fills it from the contract default of that type.
 *
 * @param scheduleToClose bound on all attempts together; null means no bound
 * @param maxAttempts 0 means unlimited (then {@code scheduleToClose} is the only bound)
 */
public record ActivitySettings(
    Duration startToClose,
    Duration scheduleToClose,
    Duration initialInterval,
    Double backoff,
    Duration maxInterval,
    Integer maxAttempts) {

  public ActivitySettings {
    requirePositive("start-to-close", startToClose);
    requirePositive("schedule-to-close", scheduleToClose);
    requirePositive("initial-interval", initialInterval);
    requirePositive("max-interval", maxInterval);
    if (backoff != null && backoff < 1.0) {
      throw new IllegalArgumentException("backoff must be at least 1.0, was " + backoff);
    }
    if (maxAttempts != null && maxAttempts < 0) {
      throw new IllegalArgumentException("max-attempts must be 0 (unlimited) or more");
    }
  }

  /** This configuration, with each missing field taken from {@code defaults}. */
  ActivitySettings orElse(ActivitySettings defaults) {
    if (this == defaults) {
      return this;
    }
    return new ActivitySettings(
        startToClose != null ? startToClose : defaults.startToClose,
        scheduleToClose != null ? scheduleToClose : defaults.scheduleToClose,
        initialInterval != null ? initialInterval : defaults.initialInterval,
        backoff != null ? backoff : defaults.backoff,
        maxInterval != null ? maxInterval : defaults.maxInterval,
        maxAttempts != null ? maxAttempts : defaults.maxAttempts);
  }

  private static void requirePositive(String name, Duration value) {
    if (value != null && (value.isNegative() || value.isZero())) {
      throw new IllegalArgumentException(name + " must be positive, was " + value);
    }
  }
}
