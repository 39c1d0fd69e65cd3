package io.paymentflow.standin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class RequestValidationTest {

  private static final ObjectMapper JSON = new ObjectMapper();

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
  void malformedJsonIs422JsonInvalidAsFastApiAnswers() throws Exception {
    HttpResponse<String> answer = http.post("/fraud/score", "{\"event_id\":");

    assertThat(answer.statusCode()).isEqualTo(422);
    JsonNode error = onlyError(answer);
    assertThat(error.get("type").asText()).isEqualTo("json_invalid");
    assertThat(error.get("loc").get(0).asText()).isEqualTo("body");
    assertThat(error.get("msg").asText()).isEqualTo("JSON decode error");
  }

  @Test
  void jsonThatIsNotAnObjectAndAnEmptyBodyAre422() throws Exception {
    HttpResponse<String> array = http.post("/churn/predict", "[1,2]");
    HttpResponse<String> empty = http.post("/churn/predict", "");

    assertThat(array.statusCode()).isEqualTo(422);
    assertThat(onlyError(array).get("type").asText()).isEqualTo("model_attributes_type");
    assertThat(empty.statusCode()).isEqualTo(422);
    assertThat(onlyError(empty).get("type").asText()).isEqualTo("missing");
    assertThat(onlyError(empty).get("loc").toString()).isEqualTo("[\"body\"]");
  }

  @Test
  void everyMissingRequiredFieldIsListedInPydanticsShape() throws Exception {
    HttpResponse<String> answer = http.post("/fraud/score", "{\"currency\":\"USD\"}");

    assertThat(answer.statusCode()).isEqualTo(422);
    JsonNode detail = JSON.readTree(answer.body()).get("detail");
    assertThat(detail).hasSize(2);
    assertThat(detail.get(0).get("type").asText()).isEqualTo("missing");
    assertThat(detail.get(0).get("loc").toString()).isEqualTo("[\"body\",\"event_id\"]");
    assertThat(detail.get(0).get("msg").asText()).isEqualTo("Field required");
    assertThat(detail.get(1).get("loc").toString()).isEqualTo("[\"body\",\"amount_cents\"]");
    assertThat(http.post("/retry/strategy", "{\"amount_cents\":1}").statusCode()).isEqualTo(422);
    assertThat(http.post("/churn/predict", "{\"customer_id\":null}").statusCode()).isEqualTo(422);
  }

  @Test
  void anAttemptCountBelowOneIs422AsTheRealServiceRequires() throws Exception {
    for (String count : new String[] {"0", "-1"}) {
      HttpResponse<String> answer =
          http.post(
              "/retry/strategy",
              Requests.RETRY.replace("\"attempt_count\":1", "\"attempt_count\":" + count));

      assertThat(answer.statusCode()).as(count).isEqualTo(422);
      JsonNode error = onlyError(answer);
      assertThat(error.get("type").asText()).isEqualTo("greater_than_equal");
      assertThat(error.get("loc").toString()).isEqualTo("[\"body\",\"attempt_count\"]");
      assertThat(error.get("msg").asText()).isEqualTo("Input should be greater than or equal to 1");
      assertThat(error.get("ctx").get("ge").asInt()).isEqualTo(1);
      assertThat(error.get("input").asText()).isEqualTo(count);
    }
    String withoutCount = Requests.RETRY.replaceAll(",\\s*\"attempt_count\":1", "");
    assertThat(http.post("/retry/strategy", withoutCount).statusCode())
        .as("absent means 1")
        .isEqualTo(200);
  }

  @Test
  void stringsAreStrictAndWholeNumbersLaxAsInPydantic() throws Exception {
    String numberAsCurrency = Requests.FRAUD.replace("\"USD\"", "840");
    String amountAsString = Requests.FRAUD.replace("4999", "\"4999\"");
    String amountWithFraction = Requests.FRAUD.replace("4999", "49.99");
    String amountAsWord = Requests.FRAUD.replace("4999", "\"lots\"");

    assertThat(onlyError(http.post("/fraud/score", numberAsCurrency)).get("type").asText())
        .isEqualTo("string_type");
    assertThat(http.post("/fraud/score", amountAsString).statusCode()).isEqualTo(200);
    assertThat(http.post("/fraud/score", Requests.FRAUD.replace("4999", "4999.0")).statusCode())
        .isEqualTo(200);
    assertThat(onlyError(http.post("/fraud/score", amountWithFraction)).get("type").asText())
        .isEqualTo("int_from_float");
    assertThat(onlyError(http.post("/fraud/score", amountAsWord)).get("type").asText())
        .isEqualTo("int_parsing");
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

  private static JsonNode onlyError(HttpResponse<String> answer) throws Exception {
    JsonNode detail = JSON.readTree(answer.body()).get("detail");
    assertThat(detail.isArray()).as(answer.body()).isTrue();
    assertThat(detail).as(answer.body()).hasSize(1);
    return detail.get(0);
  }
}
