package io.paymentflow.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import io.paymentflow.contracts.inference.InferenceActivities;
import io.paymentflow.contracts.persistence.PersistenceActivities;
import io.paymentflow.workflow.support.TemporalFixture;
import io.paymentflow.workflow.validation.ValidationActivities;
import io.temporal.activity.ActivityOptions;
import io.temporal.activity.LocalActivityOptions;
import io.temporal.common.metadata.POJOActivityInterfaceMetadata;
import io.temporal.common.metadata.POJOActivityMethodMetadata;
import io.temporal.worker.WorkflowImplementationOptions;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class ActivityOptionsConfigTest {

  private static ActivityRetryProperties bind(Map<String, String> properties) {
    return new Binder(new MapConfigurationPropertySource(properties))
        .bindOrCreate("temporal-worker.activities", ActivityRetryProperties.class);
  }

  private static WorkflowImplementationOptions defaults() {
    return ActivityOptionsConfig.forWorkflows(bind(Map.of()), TemporalFixture.defaultQueues());
  }

  private static Stream<String> types(Class<?> activityInterface) {
    return POJOActivityInterfaceMetadata.newInstance(activityInterface)
        .getMethodsMetadata()
        .stream()
        .map(POJOActivityMethodMetadata::getActivityTypeName);
  }

  @Test
  void everyActivityTypeTheWorkflowsCallHasOptionsOnItsTaskQueue() {
    Map<String, ActivityOptions> options = defaults().getActivityOptions();

    assertThat(types(InferenceActivities.class))
        .allSatisfy(t -> assertThat(options.get(t).getTaskQueue()).isEqualTo("payment-inference"));
    assertThat(types(PersistenceActivities.class))
        .allSatisfy(
            t -> assertThat(options.get(t).getTaskQueue()).isEqualTo("payment-persistence"));
    assertThat(types(ValidationActivities.class))
        .allSatisfy(t -> assertThat(defaults().getLocalActivityOptions()).containsKey(t));
  }

  @Test
  void inferenceDefaultsAreTheContracts() {
    for (String type :
        new String[] {
          "ScoreFraud", "RecommendRetry", "PredictChurn",
          "FraudScore", "RetryStrategy", "ChurnPrediction"
        }) {
      ActivityOptions options = defaults().getActivityOptions().get(type);
      assertThat(options.getStartToCloseTimeout()).isEqualTo(Duration.ofSeconds(30));
      assertThat(options.getScheduleToCloseTimeout()).isNull();
      assertThat(options.getRetryOptions().getInitialInterval()).isEqualTo(Duration.ofSeconds(2));
      assertThat(options.getRetryOptions().getBackoffCoefficient()).isEqualTo(2.0);
      assertThat(options.getRetryOptions().getMaximumInterval()).isEqualTo(Duration.ofSeconds(30));
      assertThat(options.getRetryOptions().getMaximumAttempts()).isEqualTo(5);
    }
  }

  @Test
  void aPaymentRowIsRetriedForADay() {
    ActivityOptions options = defaults().getActivityOptions().get("PersistPaymentEvent");
    assertThat(options.getStartToCloseTimeout()).isEqualTo(Duration.ofSeconds(30));
    assertThat(options.getScheduleToCloseTimeout()).isEqualTo(Duration.ofHours(24));
    assertThat(options.getRetryOptions().getMaximumAttempts()).isZero();
  }

  /** The quarantine row is the last place a record is kept: its writes never give up. */
  @Test
  void quarantineWritesAreRetriedWithoutEnd() {
    for (String type :
        new String[] {"PersistQuarantine", "RecordReview", "RecordReprocessOutcome"}) {
      ActivityOptions options = defaults().getActivityOptions().get(type);
      assertThat(options.getStartToCloseTimeout()).isEqualTo(Duration.ofSeconds(30));
      assertThat(options.getScheduleToCloseTimeout()).isNull();
      assertThat(options.getRetryOptions().getInitialInterval()).isEqualTo(Duration.ofSeconds(1));
      assertThat(options.getRetryOptions().getBackoffCoefficient()).isEqualTo(2.0);
      assertThat(options.getRetryOptions().getMaximumInterval()).isEqualTo(Duration.ofSeconds(60));
      assertThat(options.getRetryOptions().getMaximumAttempts()).isZero();
    }
  }

  @Test
  void localValidationDefaultsAreTheContracts() {
    LocalActivityOptions options =
        defaults().getLocalActivityOptions().get(ActivityOptionsConfig.VALIDATE_BUSINESS_RULES);

    assertThat(options.getStartToCloseTimeout()).isEqualTo(Duration.ofSeconds(10));
    assertThat(options.getRetryOptions().getInitialInterval()).isEqualTo(Duration.ofSeconds(1));
    assertThat(options.getRetryOptions().getBackoffCoefficient()).isEqualTo(2.0);
    assertThat(options.getRetryOptions().getMaximumInterval()).isEqualTo(Duration.ofSeconds(10));
    assertThat(options.getRetryOptions().getMaximumAttempts()).isEqualTo(3);
  }

  @Test
  void oneOverriddenValueKeepsTheOtherDefaultsOfThatType() {
    ActivityRetryProperties properties =
        bind(
            Map.of(
                "temporal-worker.activities.fraud-score.max-attempts", "8",
                "temporal-worker.activities.record-review.schedule-to-close", "2h"));
    Map<String, ActivityOptions> options =
        ActivityOptionsConfig.forWorkflows(properties, TemporalFixture.defaultQueues())
            .getActivityOptions();

    assertThat(options.get("FraudScore").getRetryOptions().getMaximumAttempts()).isEqualTo(8);
    assertThat(options.get("ScoreFraud").getRetryOptions().getMaximumAttempts()).isEqualTo(8);
    assertThat(options.get("FraudScore").getStartToCloseTimeout())
        .isEqualTo(Duration.ofSeconds(30));
    assertThat(options.get("RetryStrategy").getRetryOptions().getMaximumAttempts()).isEqualTo(5);
    assertThat(options.get("RecordReview").getScheduleToCloseTimeout())
        .isEqualTo(Duration.ofHours(2));
    assertThat(options.get("RecordReview").getRetryOptions().getMaximumAttempts()).isZero();
  }
}
