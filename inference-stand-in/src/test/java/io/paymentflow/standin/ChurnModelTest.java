package io.paymentflow.standin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class ChurnModelTest {

  private final ObjectMapper json = new ObjectMapper();

  @Test
  void repeatedFailuresRaiseChurnRisk() throws Exception {
    JsonNode healthy = predict(",\"payment_count\":10,\"failed_payment_count\":0");
    JsonNode failing = predict(",\"payment_count\":10,\"failed_payment_count\":6");

    assertThat(failing.get("churn_probability").decimalValue())
        .isGreaterThan(healthy.get("churn_probability").decimalValue());
    assertThat(failing.get("risk_factors").toString()).contains("repeated_payment_failures");
  }

  @Test
  void withoutHistoryTheFactorsSaySo() throws Exception {
    assertThat(predict("").get("risk_factors").toString()).contains("no_payment_history");
  }

  @Test
  void lowRiskHasNoChurnEstimateAndOthersHaveOne() throws Exception {
    for (int i = 0; i < 40; i++) {
      JsonNode prediction =
          ChurnModel.predict(json.readTree("{\"customer_id\":\"cus_" + i + "\"}"));
      boolean low = prediction.get("risk_level").asText().equals("low");
      assertThat(prediction.get("days_to_churn_estimate").isNull()).isEqualTo(low);
      assertThat(prediction.get("recommended_actions").isEmpty()).isEqualTo(low);
    }
  }

  private JsonNode predict(String extraFields) throws Exception {
    return ChurnModel.predict(
        json.readTree("{\"customer_id\":\"cus_42\",\"merchant_id\":\"m\"" + extraFields + "}"));
  }
}
