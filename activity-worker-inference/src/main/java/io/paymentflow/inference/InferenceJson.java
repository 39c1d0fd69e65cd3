package io.paymentflow.inference;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * JSON for the inference calls. Jackson 2, the library Temporal's payload converter uses for these
 * same records, so a score keeps its exact decimal form from the HTTP answer into the workflow
 * history. Strict about types: "0.5" as a string, or 3600.5 as a delay, breaks the contract and is
 * refused rather than coerced.
 */
final class InferenceJson {

  private static final ObjectMapper JSON =
      JsonMapper.builder()
          .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
          .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
          .build();

  private InferenceJson() {}

  static byte[] write(String endpoint, Object body) {
    try {
      return JSON.writeValueAsBytes(body);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write the request body for " + endpoint, e);
    }
  }

  /** Parses an answer; a body that is not the expected JSON is a non-retryable contract breach. */
  static <T> T read(String endpoint, String body, Class<T> type) {
    try {
      return JSON.readValue(body, type);
    } catch (JsonProcessingException e) {
      throw HttpFailures.invalidResponse(endpoint, "not a " + type.getSimpleName() + " body", e);
    }
  }
}
