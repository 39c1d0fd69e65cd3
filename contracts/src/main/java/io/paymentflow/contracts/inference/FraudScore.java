package io.paymentflow.contracts.inference;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.util.List;

/** {@code POST /fraud/score} response. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record FraudScore(
    @JsonProperty("event_id") String eventId,
    @JsonProperty("fraud_score") BigDecimal fraudScore,
    @JsonProperty("risk_level") String riskLevel,
    @JsonProperty("risk_factors") List<String> riskFactors,
    @JsonProperty("model_version") String modelVersion) {}
