package io.paymentflow.inference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.paymentflow.contracts.inference.ChurnPrediction;
import io.paymentflow.contracts.inference.ChurnPredictionRequest;
import io.paymentflow.contracts.inference.FraudScore;
import io.paymentflow.contracts.inference.InferenceActivities;
import io.paymentflow.standin.InferenceStandIn;
import io.paymentflow.standin.Mode;
import io.temporal.activity.ActivityOptions;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import io.temporal.testing.TestActivityEnvironment;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

/** The activities as Temporal runs them, against the stand-in, healthy and failing. */
class InferenceActivitiesImplTest {

  private static InferenceStandIn standIn;
  private TestActivityEnvironment environment;
  private InferenceActivities activities;

  @BeforeAll
  static void startStandIn() {
    standIn = InferenceStandIn.start(0);
  }

  @AfterAll
  static void stopStandIn() {
    standIn.close();
  }

  @BeforeEach
  void setUp() {
    standIn.setMode(Mode.HEALTHY);
    environment = TestActivityEnvironment.newInstance();
    environment.registerActivitiesImplementations(
        new InferenceActivitiesImpl(
            new InferenceClient(
                TestProperties.pointingAt(standIn.baseUrl()),
                TestProperties.app(),
                new SimpleMeterRegistry())));
    activities =
        environment.newActivityStub(
            InferenceActivities.class,
            ActivityOptions.newBuilder().setStartToCloseTimeout(Duration.ofSeconds(30)).build());
  }

  @AfterEach
  void tearDown() {
    environment.close();
  }

  @Test
  void healthyServiceGivesAScore() {
    FraudScore score = activities.fraudScore(Events.succeeded("stripe:evt_1"));

    assertThat(score.eventId()).isEqualTo("stripe:evt_1");
    assertThat(score.fraudScore()).isNotNull();
  }

  @Test
  void serverErrorSurfacesAsARetryableApplicationFailure() {
    standIn.setMode(Mode.FAIL_500);

    ApplicationFailure failure =
        applicationFailureOf(() -> activities.fraudScore(Events.succeeded("stripe:evt_1")));

    assertThat(failure.isNonRetryable()).isFalse();
    assertThat(failure.getType()).isEqualTo(HttpFailures.UNAVAILABLE);
  }

  @Test
  void badRequestSurfacesAsANonRetryableApplicationFailure() {
    standIn.setMode(Mode.FAIL_400);

    ApplicationFailure failure =
        applicationFailureOf(
            () -> activities.retryStrategy(Events.failed("stripe:evt_2", "x", Map.of())));

    assertThat(failure.isNonRetryable()).isTrue();
    assertThat(failure.getType()).isEqualTo(HttpFailures.REJECTED);
  }

  @Test
  void eventIdIsInTheMdcDuringTheCallOnly() {
    AtomicReference<String> seen = new AtomicReference<>();
    InferenceClient client =
        new InferenceClient(
            TestProperties.pointingAt(standIn.baseUrl()),
            TestProperties.app(),
            new SimpleMeterRegistry()) {
          @Override
          ChurnPrediction churnPrediction(ChurnPredictionRequest request, Duration startToClose) {
            seen.set(MDC.get("event_id"));
            return super.churnPrediction(request, startToClose);
          }
        };
    TestActivityEnvironment own = TestActivityEnvironment.newInstance();
    try {
      own.registerActivitiesImplementations(new InferenceActivitiesImpl(client));
      own.newActivityStub(
              InferenceActivities.class,
              ActivityOptions.newBuilder().setStartToCloseTimeout(Duration.ofSeconds(30)).build())
          .churnPrediction(Events.succeeded("stripe:evt_3"));
    } finally {
      own.close();
    }

    assertThat(seen).hasValue("stripe:evt_3");
    assertThat(MDC.get("event_id")).isNull();
  }

  @Test
  void aCallIsCutToFitTheAttemptsRealStartToClose() {
    standIn.setMode(Mode.SLOW, Duration.ofSeconds(20));
    InferenceActivities shortAttempts =
        environment.newActivityStub(
            InferenceActivities.class,
            ActivityOptions.newBuilder().setStartToCloseTimeout(Duration.ofSeconds(3)).build());

    long began = System.nanoTime();
    ApplicationFailure failure =
        applicationFailureOf(() -> shortAttempts.fraudScore(Events.succeeded("stripe:evt_4")));

    assertThat(failure.getType()).isEqualTo(HttpFailures.UNAVAILABLE);
    assertThat(failure.getOriginalMessage()).contains("did not answer within 2000 ms");
    assertThat(Duration.ofNanos(System.nanoTime() - began)).isLessThan(Duration.ofSeconds(3));
  }

  private static ApplicationFailure applicationFailureOf(Runnable call) {
    ActivityFailure failure = catchThrowableOfType(ActivityFailure.class, call::run);
    assertThat(failure).isNotNull();
    assertThat(failure.getCause()).isInstanceOf(ApplicationFailure.class);
    return (ApplicationFailure) failure.getCause();
  }
}
