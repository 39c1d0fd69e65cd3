package io.paymentflow.inference;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.paymentflow.contracts.inference.ChurnPrediction;
import io.paymentflow.contracts.inference.ChurnPredictionRequest;
import io.paymentflow.contracts.inference.FraudScore;
import io.paymentflow.contracts.inference.FraudScoreRequest;
import io.paymentflow.contracts.inference.RetryStrategy;
import io.paymentflow.contracts.inference.RetryStrategyRequest;
import io.paymentflow.standin.InferenceStandIn;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class InferenceClientTest {

  private static InferenceStandIn standIn;
  private final ObjectMapper json = new ObjectMapper();
  private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
  private InferenceClient client;

  @BeforeAll
  static void startStandIn() {
    standIn = InferenceStandIn.start(0);
  }

  @AfterAll
  static void stopStandIn() {
    standIn.close();
  }

  @BeforeEach
  void newClient() {
    standIn.resetStats();
    client =
        new InferenceClient(
            TestProperties.pointingAt(standIn.baseUrl()), TestProperties.app(), meters);
  }

  @Test
  void fraudScoreIsParsedFromTheAnswer() {
    FraudScore score =
        client.fraudScore(
            FraudScoreRequest.of(Events.succeeded("stripe:evt_1")), TestProperties.START_TO_CLOSE);

    assertThat(score.eventId()).isEqualTo("stripe:evt_1");
    assertThat(score.fraudScore()).isBetween(BigDecimal.ZERO, BigDecimal.ONE);
    assertThat(score.fraudScore().scale()).isEqualTo(4);
    assertThat(score.riskLevel()).isIn("low", "medium", "high");
    assertThat(score.riskFactors()).contains("card_payment");
    assertThat(score.modelVersion()).isEqualTo("fraud-stand-in-1.0");
  }

  @Test
  void fraudRequestCarriesExactlyTheContractFields() throws Exception {
    client.fraudScore(
        FraudScoreRequest.of(Events.succeeded("stripe:evt_1")), TestProperties.START_TO_CLOSE);

    JsonNode sent = lastBody("/fraud/score");
    assertThat(fieldNames(sent))
        .containsExactly(
            "event_id",
            "amount_cents",
            "currency",
            "customer_id",
            "merchant_id",
            "payment_method_type",
            "card_brand");
    assertThat(sent.get("event_id").asText()).isEqualTo("stripe:evt_1");
    assertThat(sent.get("amount_cents").isIntegralNumber()).isTrue();
    assertThat(sent.get("amount_cents").longValue()).isEqualTo(4_999L);
    assertThat(sent.get("currency").asText()).isEqualTo("USD");
    assertThat(sent.get("customer_id").asText()).isEqualTo("cus_123");
    assertThat(sent.get("merchant_id").asText()).isEqualTo("merch_9");
    assertThat(sent.get("payment_method_type").asText()).isEqualTo("card");
    assertThat(sent.get("card_brand").asText()).isEqualTo("visa");
  }

  @Test
  void missingEventFieldsAreSentAsNulls() throws Exception {
    client.fraudScore(
        FraudScoreRequest.of(Events.anonymous("adyen:psp_1")), TestProperties.START_TO_CLOSE);

    JsonNode sent = lastBody("/fraud/score");
    assertThat(fieldNames(sent)).hasSize(7);
    assertThat(sent.get("customer_id").isNull()).isTrue();
    assertThat(sent.get("card_brand").isNull()).isTrue();
  }

  @Test
  void retryRequestCarriesTheContractFieldsAndTheAttemptCountFromMetadata() throws Exception {
    RetryStrategy strategy =
        client.retryStrategy(
            RetryStrategyRequest.of(
                Events.failed(
                    "stripe:evt_2", "insufficient_funds", Map.of("retry_attempt_count", 2))),
            TestProperties.START_TO_CLOSE);

    JsonNode sent = lastBody("/retry/strategy");
    assertThat(fieldNames(sent))
        .containsExactly(
            "event_id", "failure_code", "failure_message", "amount_cents", "attempt_count");
    assertThat(sent.get("failure_code").asText()).isEqualTo("insufficient_funds");
    assertThat(sent.get("failure_message").asText()).isEqualTo("The card was declined.");
    assertThat(sent.get("amount_cents").longValue()).isEqualTo(2_500L);
    assertThat(sent.get("attempt_count").intValue()).isEqualTo(2);
    assertThat(strategy.action()).isEqualTo("retry_delayed");
    assertThat(strategy.delaySeconds()).isEqualTo(86_400);
    assertThat(strategy.eventId()).isEqualTo("stripe:evt_2");
  }

  @ParameterizedTest
  @ValueSource(ints = {0, -3})
  void anAttemptCountBelowOneIsSentAsOneAsTheServiceRequires(int count) throws Exception {
    client.retryStrategy(
        RetryStrategyRequest.of(
            Events.failed("stripe:evt_4", "card_declined", Map.of("retry_attempt_count", count))),
        TestProperties.START_TO_CLOSE);

    assertThat(lastBody("/retry/strategy").get("attempt_count").intValue()).isEqualTo(1);
  }

  @Test
  void attemptCountIsOneWithoutMetadata() throws Exception {
    client.retryStrategy(
        RetryStrategyRequest.of(Events.failed("stripe:evt_3", "card_declined", Map.of())),
        TestProperties.START_TO_CLOSE);

    assertThat(lastBody("/retry/strategy").get("attempt_count").intValue()).isEqualTo(1);
  }

  @Test
  void churnRequestCarriesCustomerAndMerchant() throws Exception {
    ChurnPrediction prediction =
        client.churnPrediction(
            ChurnPredictionRequest.of(Events.succeeded("stripe:evt_4")),
            TestProperties.START_TO_CLOSE);

    JsonNode sent = lastBody("/churn/predict");
    assertThat(fieldNames(sent)).containsExactly("customer_id", "merchant_id");
    assertThat(sent.get("customer_id").asText()).isEqualTo("cus_123");
    assertThat(prediction.customerId()).isEqualTo("cus_123");
    assertThat(prediction.churnProbability()).isBetween(BigDecimal.ZERO, BigDecimal.ONE);
    assertThat(prediction.riskLevel()).isIn("low", "medium", "high", "critical");
    assertThat(prediction.predictedAt()).isNotBlank();
  }

  @Test
  void sameEventGetsTheSameAnswer() {
    assertThat(
            client.fraudScore(
                FraudScoreRequest.of(Events.succeeded("stripe:evt_5")),
                TestProperties.START_TO_CLOSE))
        .isEqualTo(
            client.fraudScore(
                FraudScoreRequest.of(Events.succeeded("stripe:evt_5")),
                TestProperties.START_TO_CLOSE));
  }

  @Test
  void healthCheckPassesAgainstAHealthyService() {
    client.checkHealth();

    assertThat(standIn.requestCount("/health")).isEqualTo(1);
  }

  @Test
  void callsAreTimedByEndpointAndOutcome() {
    client.fraudScore(
        FraudScoreRequest.of(Events.succeeded("stripe:evt_6")), TestProperties.START_TO_CLOSE);
    client.fraudScore(
        FraudScoreRequest.of(Events.succeeded("stripe:evt_7")), TestProperties.START_TO_CLOSE);

    assertThat(
            meters
                .get("inference.call")
                .tag("endpoint", "/fraud/score")
                .tag("outcome", "success")
                .timer()
                .count())
        .isEqualTo(2);
  }

  private JsonNode lastBody(String path) throws Exception {
    return json.readTree(standIn.lastRequestBody(path).orElseThrow());
  }

  private static List<String> fieldNames(JsonNode body) {
    List<String> names = new ArrayList<>();
    body.fieldNames().forEachRemaining(names::add);
    return names;
  }
}
