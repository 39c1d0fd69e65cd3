package io.paymentflow.contracts.inference;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.util.List;

/** {@code POST /churn/predict} response. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ChurnPrediction(
    @JsonProperty("customer_id") String customerId,
    @JsonProperty("churn_probability") BigDecimal churnProbability,
    @JsonProperty("risk_level") String riskLevel,
    @JsonProperty("risk_factors") List<String> riskFactors,
    @JsonProperty("recommended_actions") List<String> recommendedActions,
    @JsonProperty("days_to_churn_estimate") Integer daysToChurnEstimate,
    @JsonProperty("model_version") String modelVersion,
    @JsonProperty("predicted_at") String predictedAt) {}
