package io.paymentflow.workflow;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Options per activity type, e.g. {@code temporal-worker.activities.fraud-score.max-attempts=8}.
 * Whatever is not configured is the CONTRACTS section 2.4 default of that type, so a partial
 * override never leaves an activity without a timeout.
 */
@Validated
@ConfigurationProperties("temporal-worker.activities")
public record ActivityRetryProperties(
    ActivitySettings validateBusinessRules,
    ActivitySettings fraudScore,
    ActivitySettings retryStrategy,
    ActivitySettings churnPrediction,
    ActivitySettings persistPaymentEvent,
    ActivitySettings persistQuarantine,
    ActivitySettings recordReview,
    ActivitySettings recordReprocessOutcome) {

  static final ActivitySettings LOCAL_VALIDATION_DEFAULTS =
      new ActivitySettings(
          Duration.ofSeconds(10), null, Duration.ofSeconds(1), 2.0, Duration.ofSeconds(10), 3);

  static final ActivitySettings INFERENCE_DEFAULTS =
      new ActivitySettings(
          Duration.ofSeconds(30), null, Duration.ofSeconds(2), 2.0, Duration.ofSeconds(30), 5);

  /**
   * Unlimited attempts: a payment row's write is retried until it lands or a day has passed; then
   * the workflow fails, an alert fires and the run can be re-driven (README, "Re-driving a run").
   */
  static final ActivitySettings PERSISTENCE_DEFAULTS =
      new ActivitySettings(
          Duration.ofSeconds(30),
          Duration.ofHours(24),
          Duration.ofSeconds(1),
          2.0,
          Duration.ofSeconds(60),
          0);

  /**
   * Unlimited attempts and no schedule-to-close: the quarantine row is the last place a record is
   * kept, so its writes never give up; the persist-failure alert says when they keep failing.
   */
  static final ActivitySettings QUARANTINE_DEFAULTS =
      new ActivitySettings(
          Duration.ofSeconds(30), null, Duration.ofSeconds(1), 2.0, Duration.ofSeconds(60), 0);

  public ActivityRetryProperties {
    validateBusinessRules = merge(validateBusinessRules, LOCAL_VALIDATION_DEFAULTS);
    fraudScore = merge(fraudScore, INFERENCE_DEFAULTS);
    retryStrategy = merge(retryStrategy, INFERENCE_DEFAULTS);
    churnPrediction = merge(churnPrediction, INFERENCE_DEFAULTS);
    persistPaymentEvent = merge(persistPaymentEvent, PERSISTENCE_DEFAULTS);
    persistQuarantine = merge(persistQuarantine, QUARANTINE_DEFAULTS);
    recordReview = merge(recordReview, QUARANTINE_DEFAULTS);
    recordReprocessOutcome = merge(recordReprocessOutcome, QUARANTINE_DEFAULTS);
  }

  /** The contract defaults for every activity type. */
  public static ActivityRetryProperties defaults() {
    return new ActivityRetryProperties(null, null, null, null, null, null, null, null);
  }

  private static ActivitySettings merge(ActivitySettings configured, ActivitySettings defaults) {
    return configured == null ? defaults : configured.orElse(defaults);
  }
}
