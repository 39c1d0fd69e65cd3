package io.paymentflow.standin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class FaultModesTest {

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
  void fail500AnswersEveryApiCallWith500() throws Exception {
    standIn.setMode(Mode.FAIL_500);

    assertThat(http.post("/fraud/score", Requests.FRAUD).statusCode()).isEqualTo(500);
    assertThat(http.get("/health").statusCode()).isEqualTo(500);
  }

  @Test
  void fail400AnswersValidRequestsWith400() throws Exception {
    standIn.setMode(Mode.FAIL_400);

    assertThat(http.post("/retry/strategy", Requests.RETRY).statusCode()).isEqualTo(400);
  }

  @Test
  void timeoutHoldsRequestsUntilTheModeChanges() throws Exception {
    standIn.setMode(Mode.TIMEOUT);

    assertThatThrownBy(() -> http.post("/fraud/score", Requests.FRAUD, Duration.ofMillis(300)))
        .isInstanceOf(HttpTimeoutException.class);

    CompletableFuture<HttpResponse<String>> held =
        CompletableFuture.supplyAsync(() -> call("/churn/predict", Requests.CHURN));
    await().atMost(Duration.ofSeconds(5)).until(() -> standIn.requestCount("/churn/predict") == 1);
    assertThat(held).isNotDone();
    standIn.setMode(Mode.HEALTHY);
    assertThat(held.get(5, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
  }

  @Test
  void closingDropsHeldRequests() throws Exception {
    standIn.setMode(Mode.TIMEOUT);
    CompletableFuture<HttpResponse<String>> held =
        CompletableFuture.supplyAsync(() -> call("/churn/predict", Requests.CHURN));
    await().atMost(Duration.ofSeconds(5)).until(() -> standIn.requestCount("/churn/predict") == 1);

    standIn.close();

    assertThat(held).failsWithin(Duration.ofSeconds(5));
    standIn.close();
  }

  @Test
  void slowAnswersCorrectlyAfterTheDelay() throws Exception {
    standIn.setMode(Mode.SLOW, Duration.ofMillis(400));
    long started = System.nanoTime();

    HttpResponse<String> response = http.post("/fraud/score", Requests.FRAUD);

    assertThat(Duration.ofNanos(System.nanoTime() - started))
        .isGreaterThanOrEqualTo(Duration.ofMillis(400));
    assertThat(response.statusCode()).isEqualTo(200);
    standIn.setMode(Mode.HEALTHY);
    assertThat(http.post("/fraud/score", Requests.FRAUD).body()).isEqualTo(response.body());
  }

  @Test
  void modeCanBeSwitchedOverHttp() throws Exception {
    HttpResponse<String> switched =
        http.post("/_admin/mode", "{\"mode\":\"FAIL_500\",\"slow_delay_ms\":1500}");

    assertThat(switched.statusCode()).isEqualTo(200);
    assertThat(standIn.mode()).isEqualTo(Mode.FAIL_500);
    JsonNode status = json.readTree(http.get("/_admin/mode").body());
    assertThat(status.get("mode").asText()).isEqualTo("FAIL_500");
    assertThat(status.get("slow_delay_ms").asLong()).isEqualTo(1500);
    assertThat(http.post("/fraud/score", Requests.FRAUD).statusCode()).isEqualTo(500);
    assertThat(http.post("/_admin/mode", "{\"mode\":\"BROKEN\"}").statusCode()).isEqualTo(422);
    assertThat(http.post("/_admin/mode", "{\"mode\":\"healthy\"}").statusCode()).isEqualTo(200);
    assertThat(standIn.mode()).isEqualTo(Mode.HEALTHY);
  }

  @Test
  void statsCountRequestsPerPathWhateverTheirOutcome() throws Exception {
    http.post("/fraud/score", Requests.FRAUD);
    standIn.setMode(Mode.FAIL_500);
    http.post("/fraud/score", Requests.FRAUD);
    http.post("/retry/strategy", Requests.RETRY);

    assertThat(standIn.requestCount("/fraud/score")).isEqualTo(2);
    JsonNode stats = json.readTree(http.get("/_admin/stats").body());
    assertThat(stats.get("mode").asText()).isEqualTo("FAIL_500");
    assertThat(stats.get("requests").get("/fraud/score").asLong()).isEqualTo(2);
    assertThat(stats.get("requests").get("/retry/strategy").asLong()).isEqualTo(1);
    assertThat(stats.get("requests").has("/_admin/stats")).isFalse();

    http.post("/_admin/reset", "");
    assertThat(standIn.requestCounts()).isEmpty();
  }

  @Test
  void lastRequestBodyIsKeptPerPath() throws Exception {
    http.post("/fraud/score", Requests.FRAUD);

    assertThat(standIn.lastRequestBody("/fraud/score")).hasValue(Requests.FRAUD);
    assertThat(http.get("/_admin/last-request?path=/fraud/score").body()).isEqualTo(Requests.FRAUD);
    assertThat(http.get("/_admin/last-request?path=/churn/predict").statusCode()).isEqualTo(404);
  }

  private HttpResponse<String> call(String path, String body) {
    try {
      return http.post(path, body, Duration.ofSeconds(10));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
