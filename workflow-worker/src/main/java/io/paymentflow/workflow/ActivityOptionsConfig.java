package io.paymentflow.workflow;

import io.temporal.activity.ActivityOptions;
import io.temporal.activity.LocalActivityOptions;
import io.temporal.common.RetryOptions;
import io.temporal.worker.WorkflowImplementationOptions;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Timeouts, retries and task queues of every activity, keyed by activity type and handed to the
 * workflows at registration (the samples' per-activity-options pattern), so workflow code holds
 * none of them. Changing any of these values is replay-safe: on replay Temporal compares only the
 * activity id and type of a scheduled activity, not its options.
 *
 * <p>What is retryable is decided where the failure happens: the inference worker throws a
 * non-retryable {@code ApplicationFailure} for a 4xx other than 408/429, so no non-retryable types
 * are listed here.
 */
@Configuration(proxyBeanMethods = false)
public class ActivityOptionsConfig {

  /** Activity type names, as the SDK derives them from the method names. */
  public static final String VALIDATE_BUSINESS_RULES = "ValidateBusinessRules";

  public static final String SCORE_FRAUD = "ScoreFraud";
  public static final String RECOMMEND_RETRY = "RecommendRetry";
  public static final String PREDICT_CHURN = "PredictChurn";

  /** The same three calls, scheduled by payment workflows from before their request bodies. */
  public static final String FRAUD_SCORE = "FraudScore";

  public static final String RETRY_STRATEGY = "RetryStrategy";
  public static final String CHURN_PREDICTION = "ChurnPrediction";
  public static final String PERSIST_PAYMENT_EVENT = "PersistPaymentEvent";
  public static final String PERSIST_QUARANTINE = "PersistQuarantine";
  public static final String RECORD_REVIEW = "RecordReview";
  public static final String RECORD_REPROCESS_OUTCOME = "RecordReprocessOutcome";

  @Bean
  WorkflowImplementationOptions workflowImplementationOptions(
      ActivityRetryProperties activities, TaskQueueProperties queues) {
    return forWorkflows(activities, queues);
  }

  /** The options both workflows are registered with; tests build them the same way. */
  public static WorkflowImplementationOptions forWorkflows(
      ActivityRetryProperties activities, TaskQueueProperties queues) {
    String inferenceQueue = queues.inferenceTaskQueue();
    String persistenceQueue = queues.persistenceTaskQueue();
    return WorkflowImplementationOptions.newBuilder()
        .setActivityOptions(
            Map.ofEntries(
                Map.entry(SCORE_FRAUD, remote(activities.fraudScore(), inferenceQueue)),
                Map.entry(RECOMMEND_RETRY, remote(activities.retryStrategy(), inferenceQueue)),
                Map.entry(PREDICT_CHURN, remote(activities.churnPrediction(), inferenceQueue)),
                Map.entry(FRAUD_SCORE, remote(activities.fraudScore(), inferenceQueue)),
                Map.entry(RETRY_STRATEGY, remote(activities.retryStrategy(), inferenceQueue)),
                Map.entry(CHURN_PREDICTION, remote(activities.churnPrediction(), inferenceQueue)),
                Map.entry(
                    PERSIST_PAYMENT_EVENT,
                    remote(activities.persistPaymentEvent(), persistenceQueue)),
                Map.entry(
                    PERSIST_QUARANTINE, remote(activities.persistQuarantine(), persistenceQueue)),
                Map.entry(RECORD_REVIEW, remote(activities.recordReview(), persistenceQueue)),
                Map.entry(
                    RECORD_REPROCESS_OUTCOME,
                    remote(activities.recordReprocessOutcome(), persistenceQueue))))
        .setLocalActivityOptions(
            Map.of(VALIDATE_BUSINESS_RULES, local(activities.validateBusinessRules())))
        .build();
  }

  static ActivityOptions remote(ActivitySettings settings, String taskQueue) {
    ActivityOptions.Builder options =
        ActivityOptions.newBuilder()
            .setTaskQueue(taskQueue)
            .setStartToCloseTimeout(settings.startToClose())
            .setRetryOptions(retry(settings));
    if (settings.scheduleToClose() != null) {
      options.setScheduleToCloseTimeout(settings.scheduleToClose());
    }
    return options.build();
  }

  static LocalActivityOptions local(ActivitySettings settings) {
    LocalActivityOptions.Builder options =
        LocalActivityOptions.newBuilder()
            .setStartToCloseTimeout(settings.startToClose())
            .setRetryOptions(retry(settings));
    if (settings.scheduleToClose() != null) {
      options.setScheduleToCloseTimeout(settings.scheduleToClose());
    }
    return options.build();
  }

  private static RetryOptions retry(ActivitySettings settings) {
    return RetryOptions.newBuilder()
        .setInitialInterval(settings.initialInterval())
        .setBackoffCoefficient(settings.backoff())
        .setMaximumInterval(settings.maxInterval())
        .setMaximumAttempts(settings.maxAttempts())
        .build();
  }
}
