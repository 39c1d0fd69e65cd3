package io.paymentflow.bridge.listen;

import io.paymentflow.bridge.poison.Poison;
import io.paymentflow.bridge.poison.PoisonRecordException;
import io.paymentflow.contracts.event.FieldError;
import io.paymentflow.contracts.event.QuarantineReason;
import io.paymentflow.contracts.event.StorableEvent;
import io.paymentflow.contracts.event.StorableText;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Strict, typed access to the fields of one JSON object, collecting every field that has the wrong
 * type instead of stopping at the first. A field that is absent or null reads as null: whether it
 * may be missing is for the workflow's business rules to say, not for the parser.
 *
 * <p>The object is parsed once into plain Java values (one pass, no tree, no second conversion for
 * metadata): strings, {@code Integer}/{@code Long}/{@code BigInteger} for whole numbers, {@code
 * BigDecimal} for any number written with a fraction or exponent, booleans, lists and maps. Jackson
 * 3, Spring Boot's own; what reaches Temporal's Jackson 2 converter is only such plain values.
 */
final class JsonFields {

  /** Strict: duplicate keys and trailing content are errors; decimals keep their exact digits. */
  private static final JsonMapper MAPPER =
      JsonMapper.builder()
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .build();

  /** Longest provider or provider id a poison record's row keeps beside its payload. */
  private static final int MAX_DESCRIPTIVE_LENGTH = 255;

  private final Map<?, ?> json;
  private final List<FieldError> errors = new ArrayList<>();

  private JsonFields(Map<?, ?> json) {
    this.json = json;
  }

  /** Parses text that must be exactly one JSON object. */
  static JsonFields parseObject(String text) throws PoisonRecordException {
    try {
      return new JsonFields(MAPPER.readValue(text, Map.class));
    } catch (JacksonException e) {
      throw new PoisonRecordException(
          Poison.unreadable(QuarantineReason.INVALID_JSON, "record", e.getOriginalMessage()));
    }
  }

  String text(String field) {
    Object value = json.get(field);
    if (value == null || value instanceof String) {
      return (String) value;
    }
    return invalid(field, "INVALID_TYPE", "expected a string, found " + describe(value));
  }

  /** A whole number that fits a long; a decimal such as {@code 10.0} is an error. */
  Long integer(String field) {
    Object value = json.get(field);
    if (value == null) {
      return null;
    }
    if (value instanceof Integer || value instanceof Long) {
      return ((Number) value).longValue();
    }
    return invalid(field, "INVALID_TYPE", "expected an integer, found " + describe(value));
  }

  Integer int32(String field) {
    Object value = json.get(field);
    if (value == null || value instanceof Integer) {
      return (Integer) value;
    }
    return invalid(field, "INVALID_TYPE", "expected a 32-bit integer, found " + describe(value));
  }

  @SuppressWarnings("unchecked")
  Map<String, Object> object(String field) {
    Object value = json.get(field);
    if (value == null || value instanceof Map) {
      return (Map<String, Object>) value;
    }
    return invalid(field, "INVALID_TYPE", "expected an object, found " + describe(value));
  }

  /** An array of {@code {field, code, message}} objects (CONTRACTS 1.2); null when absent. */
  List<FieldError> fieldErrors(String field) {
    Object value = json.get(field);
    if (value == null) {
      return null;
    }
    if (!(value instanceof List<?> items)) {
      return invalid(field, "INVALID_TYPE", "expected an array, found " + describe(value));
    }
    List<FieldError> result = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      String at = field + "[" + i + "]";
      if (!(items.get(i) instanceof Map<?, ?> item)) {
        invalid(at, "INVALID_TYPE", "expected an object, found " + describe(items.get(i)));
        continue;
      }
      JsonFields e = new JsonFields(item);
      result.add(new FieldError(e.text("field"), e.text("code"), e.text("message")));
      e.errors.forEach(error -> invalid(at + "." + error.field(), error.code(), error.message()));
    }
    return result;
  }

  /** Whether the field is absent, null, or a blank string. */
  boolean isAbsentOrBlank(String field) {
    Object value = json.get(field);
    return value == null || value instanceof String s && s.isBlank();
  }

  /**
   * The field's value when a quarantine row can keep it beside the record: the event id when it
   * follows {@link StorableEvent}'s rule, another field when it is short, storable text; else null.
   * Records no error.
   */
  String usableText(String field) {
    if (!(json.get(field) instanceof String s) || s.isBlank()) {
      return null;
    }
    boolean usable =
        "event_id".equals(field)
            ? StorableEvent.eventIdProblem(s) == null
            : StorableText.problem(s) == null && StorableText.length(s) <= MAX_DESCRIPTIVE_LENGTH;
    return usable ? s : null;
  }

  <T> T invalid(String field, String code, String message) {
    errors.add(new FieldError(field, code, message));
    return null;
  }

  List<FieldError> errors() {
    return errors;
  }

  private static String describe(Object value) {
    if (value instanceof String) {
      return "a string";
    }
    if (value instanceof BigDecimal || value instanceof BigInteger || value instanceof Number) {
      return "the number " + value;
    }
    if (value instanceof Boolean) {
      return "a boolean";
    }
    return value instanceof Map ? "an object" : "an array";
  }
}
