package io.paymentflow.standin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class InferenceStandInTest {

  private final ObjectMapper json = new ObjectMapper();
  private InferenceStandIn standIn;
  private Http http;

  @BeforeEach
  void start() {
    standIn = InferenceStandIn.start(0);
    http = new Http(standIn.baseUrl());
  }

  @AfterEach
  void stop() {
    standIn.close();
  }

  @Test
  void sameRequestGetsTheSameBodyTwiceAndFromAnotherInstance() throws Exception {
    try (InferenceStandIn other = InferenceStandIn.start(0)) {
      Http otherHttp = new Http(other.baseUrl());
      for (String[] call :
          new String[][] {
            {"/fraud/score", Requests.FRAUD},
            {"/retry/strategy", Requests.RETRY},
            {"/churn/predict", Requests.CHURN}
          }) {
        String first = http.post(call[0], call[1]).body();
        assertThat(http.post(call[0], call[1]).body()).isEqualTo(first);
        assertThat(otherHttp.post(call[0], call[1]).body()).isEqualTo(first);
      }
    }
  }

  @Test
  void differentEventsGetDifferentScores() throws Exception {
    String other = Requests.FRAUD.replace("evt_1abc", "evt_1abd");
    assertThat(score(http.post("/fraud/score", other)))
        .isNotEqualTo(score(http.post("/fraud/score", Requests.FRAUD)));
  }

  @Test
  void fraudScoreAnswersTheContractFields() throws Exception {
    HttpResponse<String> response = http.post("/fraud/score", Requests.FRAUD);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
    JsonNode body = json.readTree(response.body());
    assertFourDecimals(response.body(), "fraud_score");
    assertThat(fieldNames(body))
        .containsExactly("event_id", "fraud_score", "risk_level", "risk_factors", "model_version");
    assertThat(body.get("event_id").asText()).isEqualTo("stripe:evt_1abc");
    assertFourDecimalUnitInterval(body.get("fraud_score"));
    assertThat(body.get("risk_level").asText()).isIn("low", "medium", "high");
    assertThat(body.get("risk_factors").isArray()).isTrue();
    assertThat(body.get("model_version").asText()).isNotBlank();
  }

  @Test
  void retryStrategyAnswersTheContractFields() throws Exception {
    String raw = http.post("/retry/strategy", Requests.RETRY).body();
    JsonNode body = json.readTree(raw);
    assertFourDecimals(raw, "confidence");

    assertThat(fieldNames(body))
        .containsExactly(
            "event_id", "action", "delay_seconds", "max_attempts", "confidence", "reason");
    assertThat(body.get("action").asText()).isEqualTo("retry_delayed");
    assertThat(body.get("delay_seconds").intValue()).isEqualTo(86_400);
    assertThat(body.get("max_attempts").isInt()).isTrue();
    assertFourDecimalUnitInterval(body.get("confidence"));
    assertThat(body.get("reason").asText()).isNotBlank();
  }

  @Test
  void churnPredictionAnswersTheContractFields() throws Exception {
    String raw = http.post("/churn/predict", Requests.CHURN).body();
    JsonNode body = json.readTree(raw);
    assertFourDecimals(raw, "churn_probability");

    assertThat(fieldNames(body))
        .containsExactly(
            "customer_id",
            "churn_probability",
            "risk_level",
            "risk_factors",
            "recommended_actions",
            "days_to_churn_estimate",
            "model_version",
            "predicted_at");
    assertThat(body.get("customer_id").asText()).isEqualTo("cus_123");
    assertFourDecimalUnitInterval(body.get("churn_probability"));
    assertThat(body.get("risk_level").asText()).isIn("low", "medium", "high", "critical");
    assertThat(body.get("recommended_actions").isArray()).isTrue();
    JsonNode days = body.get("days_to_churn_estimate");
    assertThat(days.isNull() || days.isInt()).isTrue();
    assertThat(java.time.Instant.parse(body.get("predicted_at").asText())).isNotNull();
  }

  @Test
  void healthAnswersStatus() throws Exception {
    HttpResponse<String> response = http.get("/health");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(json.readTree(response.body()).get("status").asText()).isEqualTo("ok");
  }

  private BigDecimal score(HttpResponse<String> response) throws Exception {
    return json.readTree(response.body()).get("fraud_score").decimalValue();
  }

  private static void assertFourDecimalUnitInterval(JsonNode number) {
    assertThat(number.isNumber()).as("%s is a JSON number", number).isTrue();
    assertThat(number.decimalValue()).isBetween(BigDecimal.ZERO, BigDecimal.ONE);
  }

  /** The raw JSON, since a parsed double would lose trailing zeros. */
  private static void assertFourDecimals(String raw, String field) {
    assertThat(raw).containsPattern("\"" + field + "\":[01]\\.\\d{4}[,}]");
  }

  private static java.util.List<String> fieldNames(JsonNode body) {
    java.util.List<String> names = new java.util.ArrayList<>();
    body.fieldNames().forEachRemaining(names::add);
    return names;
  }
}
