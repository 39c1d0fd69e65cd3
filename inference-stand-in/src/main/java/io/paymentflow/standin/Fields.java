package io.paymentflow.standin;

import com.fasterxml.jackson.databind.JsonNode;

/** Reads request fields, answering 422 for a missing or mistyped one, as the real service does. */
final class Fields {

  private Fields() {}

  static String requiredText(JsonNode body, String field) {
    String value = optionalText(body, field);
    if (value == null || value.isBlank()) {
      throw RequestError.unprocessable(field + " is required");
    }
    return value;
  }

  static String optionalText(JsonNode body, String field) {
    JsonNode node = body.get(field);
    if (node == null || node.isNull()) {
      return null;
    }
    if (!node.isTextual()) {
      throw RequestError.unprocessable(field + " must be a string");
    }
    return node.textValue();
  }

  static long requiredCount(JsonNode body, String field) {
    Long value = optionalCount(body, field);
    if (value == null) {
      throw RequestError.unprocessable(field + " is required");
    }
    return value;
  }

  /** A whole number >= 0, or null when absent. */
  static Long optionalCount(JsonNode body, String field) {
    JsonNode node = body.get(field);
    if (node == null || node.isNull()) {
      return null;
    }
    if (!node.isIntegralNumber() || !node.canConvertToLong() || node.longValue() < 0) {
      throw RequestError.unprocessable(field + " must be a whole number >= 0");
    }
    return node.longValue();
  }
}
