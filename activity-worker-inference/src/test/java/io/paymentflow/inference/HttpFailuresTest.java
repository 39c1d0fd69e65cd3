package io.paymentflow.inference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.paymentflow.contracts.event.StorableText;
import io.paymentflow.contracts.inference.FraudScoreRequest;
import io.paymentflow.contracts.inference.RetryStrategyRequest;
import io.paymentflow.standin.InferenceStandIn;
import io.paymentflow.standin.Mode;
import io.temporal.failure.ApplicationFailure;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What each way an inference call can fail becomes, through real HTTP servers. */
class HttpFailuresTest {

  private static final String FRAUD_OK =
      """
      {"event_id":"stripe:evt_1","fraud_score":0.1234,"risk_level":"low",
       "risk_factors":[],"model_version":"m"}""";

  private static StatusServer server;
  private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

  @BeforeAll
  static void startServer() {
    server = new StatusServer();
  }

  @AfterAll
  static void stopServer() {
    server.close();
  }

  @ParameterizedTest
  @ValueSource(ints = {500, 502, 503})
  void serverErrorsAreRetried(int status) {
    assertRetryable(failureOnFraudScore(status, "{\"detail\":\"boom\"}"));
  }

  @Test
  void status408IsRetried() {
    assertRetryable(failureOnFraudScore(408, ""));
  }

  @Test
  void status429IsRetried() {
    assertRetryable(failureOnFraudScore(429, "{\"detail\":\"slow down\"}"));
  }

  @Test
  void retryAfterIsReportedButLeavesTheBackoffToTemporal() {
    server.answer(429, "").withRetryAfter("120");

    ApplicationFailure failure = fraudScoreFailure(server.baseUrl());

    assertThat(failure.getOriginalMessage()).contains("Retry-After: 120");
    assertThat(failure.getNextRetryDelay()).isNull();
  }

  @ParameterizedTest
  @ValueSource(ints = {400, 404, 422})
  void clientErrorsAreNotRetried(int status) {
    ApplicationFailure failure = failureOnFraudScore(status, "{\"detail\":\"no\"}");

    assertThat(failure.isNonRetryable()).isTrue();
    assertThat(failure.getType()).isEqualTo(HttpFailures.REJECTED);
    assertThat(failure.getOriginalMessage()).contains("HTTP " + status);
  }

  @Test
  void clientTimeoutShorterThanStartToCloseIsRetried() {
    try (InferenceStandIn standIn = InferenceStandIn.start(0)) {
      standIn.setMode(Mode.TIMEOUT);
      InferenceClient client =
          new InferenceClient(
              TestProperties.pointingAt(standIn.baseUrl(), Duration.ofMillis(500)),
              TestProperties.app(),
              meters);
      long started = System.nanoTime();

      ApplicationFailure failure =
          catchThrowableOfType(
              ApplicationFailure.class,
              () ->
                  client.fraudScore(
                      FraudScoreRequest.of(Events.succeeded("stripe:evt_1")),
                      TestProperties.START_TO_CLOSE));

      assertRetryable(failure);
      assertThat(failure.getOriginalMessage()).contains("did not answer within 500 ms");
      assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
    }
  }

  @Test
  void connectionRefusedIsRetried() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }

    assertRetryable(fraudScoreFailure("http://127.0.0.1:" + closedPort));
  }

  @Test
  void outOfRangeScoreIsNotRetried() {
    assertInvalid(failureOnFraudScore(200, FRAUD_OK.replace("0.1234", "1.5")));
    assertInvalid(failureOnFraudScore(200, FRAUD_OK.replace("0.1234", "-0.01")));
  }

  @Test
  void unknownRiskLevelIsNotRetried() {
    assertInvalid(failureOnFraudScore(200, FRAUD_OK.replace("\"low\"", "\"extreme\"")));
  }

  @Test
  void scoreSentAsAStringIsNotRetried() {
    assertInvalid(failureOnFraudScore(200, FRAUD_OK.replace("0.1234", "\"0.1234\"")));
  }

  @Test
  void malformedJsonIsNotRetried() {
    assertInvalid(failureOnFraudScore(200, "{\"event_id\":"));
    assertInvalid(failureOnFraudScore(200, ""));
  }

  @Test
  void answerAboutAnotherEventIsNotRetried() {
    assertInvalid(failureOnFraudScore(200, FRAUD_OK.replace("evt_1", "evt_other")));
  }

  @Test
  void retryDelayThatDoesNotFitItsIntColumnIsNotRetried() {
    assertInvalid(retryStrategyFailure(retryAnswer("retry_delayed", "3000000000")));
    assertInvalid(retryStrategyFailure(retryAnswer("retry_delayed", "-5")));
    assertInvalid(retryStrategyFailure(retryAnswer("retry_delayed", "null")));
  }

  @Test
  void unknownRetryActionIsNotRetried() {
    assertInvalid(retryStrategyFailure(retryAnswer("retry_maybe", "60")));
  }

  @Test
  void failedCallsAreTimedWithTheirFailureType() {
    failureOnFraudScore(503, "");

    assertThat(
            meters
                .get("inference.call")
                .tag("endpoint", "/fraud/score")
                .tag("outcome", HttpFailures.UNAVAILABLE)
                .timer()
                .count())
        .isEqualTo(1);
  }

  @Test
  void anErrorBodyWithCharactersNoColumnHoldsIsQuotedReplaced() {
    ApplicationFailure failure = failureOnFraudScore(422, "{\"detail\":\"bad\\u0000\u0000input\"}");

    assertThat(failure.getOriginalMessage()).contains("bad\\u0000\uFFFDinput");
    assertThat(StorableText.problem(failure.getOriginalMessage())).isNull();
  }

  @Test
  void anAnswerWithTextNoColumnHoldsIsInvalidNotStored() {
    assertInvalid(
        retryStrategyFailure(
            "{\"event_id\":\"stripe:evt_2\",\"action\":\"do_not_retry\",\"delay_seconds\":null,"
                + "\"max_attempts\":3,\"confidence\":0.8,\"reason\":\"r\\u0000\"}"));
  }

  private ApplicationFailure failureOnFraudScore(int status, String body) {
    server.answer(status, body);
    return fraudScoreFailure(server.baseUrl());
  }

  private ApplicationFailure fraudScoreFailure(String baseUrl) {
    InferenceClient client =
        new InferenceClient(TestProperties.pointingAt(baseUrl), TestProperties.app(), meters);
    return catchThrowableOfType(
        ApplicationFailure.class,
        () ->
            client.fraudScore(
                FraudScoreRequest.of(Events.succeeded("stripe:evt_1")),
                TestProperties.START_TO_CLOSE));
  }

  private ApplicationFailure retryStrategyFailure(String body) {
    server.answer(200, body);
    InferenceClient client =
        new InferenceClient(
            TestProperties.pointingAt(server.baseUrl()), TestProperties.app(), meters);
    return catchThrowableOfType(
        ApplicationFailure.class,
        () ->
            client.retryStrategy(
                RetryStrategyRequest.of(Events.failed("stripe:evt_2", "card_declined", Map.of())),
                TestProperties.START_TO_CLOSE));
  }

  private static String retryAnswer(String action, String delay) {
    return "{\"event_id\":\"stripe:evt_2\",\"action\":\""
        + action
        + "\",\"delay_seconds\":"
        + delay
        + ",\"max_attempts\":3,\"confidence\":0.8,\"reason\":\"r\"}";
  }

  private static void assertRetryable(ApplicationFailure failure) {
    assertThat(failure).isNotNull();
    assertThat(failure.isNonRetryable()).isFalse();
    assertThat(failure.getType()).isEqualTo(HttpFailures.UNAVAILABLE);
  }

  private static void assertInvalid(ApplicationFailure failure) {
    assertThat(failure).isNotNull();
    assertThat(failure.isNonRetryable()).isTrue();
    assertThat(failure.getType()).isEqualTo(HttpFailures.INVALID_RESPONSE);
  }
}
