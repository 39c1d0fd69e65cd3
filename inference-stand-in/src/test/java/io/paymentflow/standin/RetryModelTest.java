package io.paymentflow.standin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RetryModelTest {

  private final ObjectMapper json = new ObjectMapper();

  @ParameterizedTest
  @CsvSource({
    "insufficient_funds, retry_delayed",
    "card_declined, contact_customer",
    "expired_card, contact_customer",
    "processing_error, retry_now",
    "fraudulent, do_not_retry",
    "stolen_card, do_not_retry",
    "PROCESSING_ERROR, retry_now",
    "something_new, retry_delayed"
  })
  void failureCodeDecidesTheAction(String code, String action) throws Exception {
    assertThat(strategy(code, 1).get("action").asText()).isEqualTo(action);
  }

  @Test
  void insufficientFundsWaitsADay() throws Exception {
    assertThat(strategy("insufficient_funds", 1).get("delay_seconds").intValue()).isEqualTo(86_400);
  }

  @Test
  void actionsThatDoNotRetryHaveNoDelay() throws Exception {
    assertThat(strategy("stolen_card", 1).get("delay_seconds").isNull()).isTrue();
    assertThat(strategy("card_declined", 1).get("delay_seconds").isNull()).isTrue();
  }

  @Test
  void retriesStopOnceTheAttemptBudgetIsSpent() throws Exception {
    JsonNode spent = strategy("processing_error", 3);

    assertThat(spent.get("action").asText()).isEqualTo("do_not_retry");
    assertThat(spent.get("delay_seconds").isNull()).isTrue();
  }

  @Test
  void unknownCodesBackOffLongerEachAttempt() throws Exception {
    assertThat(strategy(null, 1).get("delay_seconds").intValue()).isEqualTo(3_600);
    assertThat(strategy(null, 2).get("delay_seconds").intValue()).isEqualTo(7_200);
  }

  @Test
  void missingAttemptCountMeansTheFirstAttempt() throws Exception {
    JsonNode request = json.readTree("{\"event_id\":\"e1\",\"amount_cents\":10}");

    assertThat(RetryModel.strategy(request).get("delay_seconds").intValue()).isEqualTo(3_600);
  }

  private JsonNode strategy(String code, int attempt) throws Exception {
    String failureCode = code == null ? "null" : "\"" + code + "\"";
    return RetryModel.strategy(
        json.readTree(
            "{\"event_id\":\"e1\",\"amount_cents\":500,\"failure_code\":"
                + failureCode
                + ",\"attempt_count\":"
                + attempt
                + "}"));
  }
}
