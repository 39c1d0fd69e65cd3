package io.paymentflow.contracts.event;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One reason a record was quarantined (CONTRACTS sections 1.2, 4): as the normalizer reports it, or
 * as this system does, with one of the codes below.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record FieldError(
    @JsonProperty("field") String field,
    @JsonProperty("code") String code,
    @JsonProperty("message") String message) {

  /** Absent, null or blank. */
  public static final String MISSING_EVENT_ID = "MISSING_EVENT_ID";

  /** Not the JSON type the contract gives the field. */
  public static final String INVALID_TYPE = "INVALID_TYPE";

  /** A required field is absent. */
  public static final String MISSING_FIELD = "MISSING_FIELD";

  /** Text holding U+0000, which PostgreSQL text and jsonb refuse. */
  public static final String NUL_CHARACTER = "NUL_CHARACTER";

  /** Text holding a UTF-16 surrogate without its pair, which has no UTF-8 form. */
  public static final String UNPAIRED_SURROGATE = "UNPAIRED_SURROGATE";

  /** Longer than its column, or than the workflow id it becomes part of, allows. */
  public static final String TOO_LONG = "TOO_LONG";

  /** Not the length a fixed-length column holds. */
  public static final String INVALID_LENGTH = "INVALID_LENGTH";

  /** Not ISO-8601 with an offset. */
  public static final String INVALID_TIMESTAMP = "INVALID_TIMESTAMP";

  /** A value its column's type cannot hold: a timestamp, a number. */
  public static final String OUT_OF_RANGE = "OUT_OF_RANGE";
}
