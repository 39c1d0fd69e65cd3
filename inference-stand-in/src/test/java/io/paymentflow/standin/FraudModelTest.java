package io.paymentflow.standin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class FraudModelTest {

  private final ObjectMapper json = new ObjectMapper();

  @Test
  void smallWalletPaymentInACommonCurrencyIsLowRisk() throws Exception {
    JsonNode score = score("e1", 1_500, "EUR", "wallet");

    assertThat(score.get("risk_level").asText()).isEqualTo("low");
    assertThat(score.get("risk_factors").toString()).isEqualTo("[\"wallet_payment\"]");
  }

  @Test
  void largeCardPaymentInAnUncommonCurrencyIsHighRisk() throws Exception {
    JsonNode score = score("e1", 2_000_000, "BRL", "card");

    assertThat(score.get("risk_level").asText()).isEqualTo("high");
    assertThat(score.get("risk_factors").toString())
        .contains("very_high_amount", "uncommon_currency", "card_payment");
  }

  @Test
  void cardRaisesRiskOverWalletForTheSamePayment() throws Exception {
    BigDecimal card = score("e1", 150_000, "USD", "card").get("fraud_score").decimalValue();
    BigDecimal wallet = score("e1", 150_000, "USD", "wallet").get("fraud_score").decimalValue();
    BigDecimal bank = score("e1", 150_000, "USD", "bank_account").get("fraud_score").decimalValue();

    assertThat(card).isGreaterThan(wallet);
    assertThat(wallet).isGreaterThan(bank);
  }

  @Test
  void scoreNeverLeavesTheUnitInterval() throws Exception {
    JsonNode worst =
        FraudModel.score(
            json.readTree(
                "{\"event_id\":\"e\",\"amount_cents\":9223372036854775807,\"currency\":\"XXX\","
                    + "\"payment_method_type\":\"card\"}"));

    assertThat(worst.get("fraud_score").decimalValue())
        .isBetween(new BigDecimal("0.9"), BigDecimal.ONE);
    assertThat(worst.get("risk_level").asText()).isEqualTo("high");
  }

  private JsonNode score(String eventId, long amount, String currency, String method)
      throws Exception {
    return FraudModel.score(
        json.readTree(
            String.format(
                "{\"event_id\":\"%s\",\"amount_cents\":%d,\"currency\":\"%s\","
                    + "\"customer_id\":\"cus_1\",\"payment_method_type\":\"%s\",\"card_brand\":\"visa\"}",
                eventId, amount, currency, method)));
  }
}
