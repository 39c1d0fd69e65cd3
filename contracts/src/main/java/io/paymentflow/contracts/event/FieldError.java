package io.paymentflow.contracts.event;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/** One reason a record was quarantined, as the normalizer reports it (CONTRACTS section 1.2). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record FieldError(
    @JsonProperty("field") String field,
    @JsonProperty("code") String code,
    @JsonProperty("message") String message) {}
