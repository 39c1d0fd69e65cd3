package io.paymentflow.standin;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class RequestValidationTest {

  private static InferenceStandIn standIn;
  private static Http http;

  @BeforeAll
  static void start() {
    standIn = InferenceStandIn.start(0);
    http = new Http(standIn.baseUrl());
  }

  @AfterAll
  static void stop() {
    standIn.close();
  }

  @Test
  void malformedJsonIs400() throws Exception {
    assertThat(http.post("/fraud/score", "{\"event_id\":").statusCode()).isEqualTo(400);
  }

  @Test
  void jsonThatIsNotAnObjectIs400() throws Exception {
    assertThat(http.post("/churn/predict", "[1,2]").statusCode()).isEqualTo(400);
    assertThat(http.post("/churn/predict", "").statusCode()).isEqualTo(400);
  }

  @Test
  void missingRequiredFieldIs422() throws Exception {
    assertThat(http.post("/fraud/score", "{\"event_id\":\"e1\",\"currency\":\"USD\"}").statusCode())
        .isEqualTo(422);
    assertThat(http.post("/retry/strategy", "{\"amount_cents\":1}").statusCode()).isEqualTo(422);
    assertThat(http.post("/churn/predict", "{\"customer_id\":null}").statusCode()).isEqualTo(422);
  }

  @Test
  void mistypedFieldIs422() throws Exception {
    String body = Requests.FRAUD.replace("4999", "\"4999\"");
    assertThat(http.post("/fraud/score", body).statusCode()).isEqualTo(422);
    assertThat(
            http.post(
                    "/retry/strategy",
                    Requests.RETRY.replace("\"attempt_count\":1", "\"attempt_count\":-1"))
                .statusCode())
        .isEqualTo(422);
  }

  @Test
  void nullOptionalFieldsAreAccepted() throws Exception {
    String body =
        "{\"event_id\":\"e1\",\"amount_cents\":0,\"currency\":\"usd\",\"customer_id\":null,"
            + "\"merchant_id\":null,\"payment_method_type\":null,\"card_brand\":null}";
    assertThat(http.post("/fraud/score", body).statusCode()).isEqualTo(200);
  }

  @Test
  void unknownFieldsAreIgnored() throws Exception {
    String body = Requests.CHURN.replace("}", ",\"payment_count\":4,\"shoe_size\":44}");
    assertThat(http.post("/churn/predict", body).statusCode()).isEqualTo(200);
  }

  @Test
  void bodyOver64KiBIs413() throws Exception {
    String padding = "x".repeat(Exchanges.MAX_BODY_BYTES);
    String body = Requests.CHURN.replace("}", ",\"padding\":\"" + padding + "\"}");

    assertThat(http.post("/churn/predict", body).statusCode()).isEqualTo(413);
  }

  @Test
  void bodyOfExactly64KiBIsRead() throws Exception {
    String prefix = Requests.CHURN.replace("}", ",\"padding\":\"");
    String padding = "x".repeat(Exchanges.MAX_BODY_BYTES - prefix.length() - 2);
    String body = prefix + padding + "\"}";

    assertThat(body).hasSize(Exchanges.MAX_BODY_BYTES);
    assertThat(http.post("/churn/predict", body).statusCode()).isEqualTo(200);
  }

  @Test
  void unknownPathIs404AndWrongMethodIs405() throws Exception {
    assertThat(http.post("/fraud/nope", Requests.FRAUD).statusCode()).isEqualTo(404);
    assertThat(http.get("/fraud/score").statusCode()).isEqualTo(405);
    assertThat(http.post("/health", "{}").statusCode()).isEqualTo(405);
  }
}
