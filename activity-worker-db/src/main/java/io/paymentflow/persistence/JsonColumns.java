package io.paymentflow.persistence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.temporal.failure.ApplicationFailure;
import org.springframework.stereotype.Component;

/**
 * Writes the jsonb columns, all with one mapper.
 *
 * <p>Jackson 2, not the Jackson 3 Spring Boot uses for itself: these values were decoded by
 * Temporal's Jackson 2 payload converter, so writing them back with the same library keeps their
 * shape (property names from the same annotations, numbers as decoded) exactly as the workflow saw
 * it. The mapper is built once; Jackson mappers are thread-safe after configuration.
 *
 * <p>Numbers are written as Jackson writes a {@code BigDecimal}, in scientific notation where its
 * scale is negative: jsonb reads every notation and stores the exact numeric, and prints it plain
 * again. Plain notation here would refuse any scale beyond ±9999 ({@code 1e10000}), a number jsonb
 * holds and {@code StorableEvent} accepts.
 */
@Component
class JsonColumns {

  private final ObjectMapper mapper = JsonMapper.builder().build();

  /** Every non-ASCII character as a JSON unicode escape: text that holds any string exactly. */
  private final ObjectMapper asciiMapper =
      JsonMapper.builder().enable(JsonWriteFeature.ESCAPE_NON_ASCII).build();

  /** The JSON text of {@code value}, or null for null (SQL NULL, not JSON null). */
  String write(Object value) {
    return write(mapper, value);
  }

  /** Like {@link #write}, in ASCII only, for text columns that must hold the value exactly. */
  String writeAscii(Object value) {
    return write(asciiMapper, value);
  }

  private static String write(ObjectMapper mapper, Object value) {
    if (value == null) {
      return null;
    }
    try {
      return mapper.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      // The same value arrives on every retry, so it would fail forever.
      throw ApplicationFailure.newNonRetryableFailureWithCause(
          "cannot write a jsonb column: " + e.getOriginalMessage(),
          PersistenceFailures.INVALID_ROW,
          e);
    }
  }
}
