package io.paymentflow.standin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.List;

/**
 * {@code POST /churn/predict}: a per-customer hash-derived base, raised by a poor payment history
 * when the caller sends one ({@code payment_count}, {@code failed_payment_count}; both optional, as
 * the contract says "when known").
 */
final class ChurnModel {

  static final String MODEL_VERSION = "churn-stand-in-1.0";

  /**
   * The stand-in has no clock: a prediction time from the clock would break "same input, same
   * output". This is the instant the stand-in "model" was released.
   */
  static final String PREDICTED_AT = "2026-01-01T00:00:00Z";

  private ChurnModel() {}

  static ObjectNode predict(JsonNode request) {
    Fields fields = new Fields(request);
    String customerId = fields.requiredText("customer_id");
    String merchantId = fields.optionalText("merchant_id");
    Long payments = fields.optionalInt("payment_count", 0, null);
    Long failed = fields.optionalInt("failed_payment_count", 0, null);
    fields.check();

    ObjectNode response = JsonNodeFactory.instance.objectNode();
    response.put("customer_id", customerId);
    ArrayNode factors = JsonNodeFactory.instance.arrayNode();
    double probability = 0.6 * StableHash.unit(customerId, merchantId);
    if (probability >= 0.35) {
      factors.add("declining_engagement");
    }
    if (payments == null) {
      factors.add("no_payment_history");
    } else if (payments > 0 && failed != null && failed * 2 >= payments) {
      probability += 0.35;
      factors.add("repeated_payment_failures");
    } else if (payments < 3) {
      probability += 0.10;
      factors.add("new_customer");
    }

    BigDecimal score = StableHash.score(probability);
    String level = riskLevel(score.doubleValue());
    response.put("churn_probability", score);
    response.put("risk_level", level);
    response.set("risk_factors", factors);
    actions(level).forEach(response.putArray("recommended_actions")::add);
    if (level.equals("low")) {
      response.putNull("days_to_churn_estimate");
    } else {
      response.put(
          "days_to_churn_estimate", Math.max(7, (int) Math.round(180 * (1 - score.doubleValue()))));
    }
    response.put("model_version", MODEL_VERSION);
    response.put("predicted_at", PREDICTED_AT);
    return response;
  }

  private static String riskLevel(double probability) {
    if (probability >= 0.75) {
      return "critical";
    }
    if (probability >= 0.5) {
      return "high";
    }
    return probability >= 0.25 ? "medium" : "low";
  }

  private static List<String> actions(String level) {
    return switch (level) {
      case "critical" -> List.of("personal_outreach", "offer_discount");
      case "high" -> List.of("offer_discount", "send_engagement_email");
      case "medium" -> List.of("send_engagement_email");
      default -> List.of();
    };
  }
}
