package io.paymentflow.standin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * Reads one request's fields as the real service's FastAPI models do, and refuses the request as
 * they do: 422, with every problem found, in pydantic's error shape ({@code {"detail": [{"type",
 * "loc", "msg", "input", "ctx"}]}}). Strings are strict (a number is not a string); whole numbers
 * are lax as pydantic's are (a numeric string or a float with no fraction passes).
 *
 * <p>Use: read every field, then {@link #check()}, then use the values.
 */
final class Fields {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private final JsonNode body;
  private final ArrayNode errors = NODES.arrayNode();

  Fields(JsonNode body) {
    this.body = body;
  }

  /** Throws the 422 when any field read so far was refused. */
  void check() {
    if (!errors.isEmpty()) {
      throw RequestError.unprocessable(errors);
    }
  }

  String requiredText(String field) {
    JsonNode node = body.get(field);
    if (node == null) {
      missing(field);
      return null;
    }
    return text(field, node);
  }

  String optionalText(String field) {
    JsonNode node = body.get(field);
    return node == null || node.isNull() ? null : text(field, node);
  }

  /** A whole number at least {@code min}. */
  Long requiredInt(String field, long min) {
    JsonNode node = body.get(field);
    if (node == null) {
      missing(field);
      return null;
    }
    return wholeNumber(field, node, min);
  }

  /** A whole number at least {@code min}, or {@code absent} when missing or null. */
  Long optionalInt(String field, long min, Long absent) {
    JsonNode node = body.get(field);
    return node == null || node.isNull() ? absent : wholeNumber(field, node, min);
  }

  private String text(String field, JsonNode node) {
    if (!node.isTextual()) {
      error("string_type", field, "Input should be a valid string", node, null);
      return null;
    }
    return node.textValue();
  }

  private Long wholeNumber(String field, JsonNode node, long min) {
    BigInteger value = integer(field, node);
    if (value == null) {
      return null;
    }
    if (value.bitLength() > 63) {
      error(
          "int_parsing_size", field, "Unable to parse input as an integer, too large", node, null);
      return null;
    }
    if (value.longValue() < min) {
      ObjectNode ctx = NODES.objectNode().put("ge", min);
      error(
          "greater_than_equal",
          field,
          "Input should be greater than or equal to " + min,
          node,
          ctx);
      return null;
    }
    return value.longValue();
  }

  private BigInteger integer(String field, JsonNode node) {
    if (node.isIntegralNumber()) {
      return node.bigIntegerValue();
    }
    if (node.isFloatingPointNumber()) {
      BigDecimal decimal = node.decimalValue();
      if (decimal.stripTrailingZeros().scale() > 0) {
        error(
            "int_from_float",
            field,
            "Input should be a valid integer, got a number with a fractional part",
            node,
            null);
        return null;
      }
      return decimal.toBigInteger();
    }
    if (node.isTextual()) {
      try {
        return new BigInteger(node.textValue().strip());
      } catch (NumberFormatException e) {
        error(
            "int_parsing",
            field,
            "Input should be a valid integer, unable to parse string as an integer",
            node,
            null);
        return null;
      }
    }
    error("int_type", field, "Input should be a valid integer", node, null);
    return null;
  }

  private void missing(String field) {
    error("missing", field, "Field required", body, null);
  }

  private void error(String type, String field, String msg, JsonNode input, ObjectNode ctx) {
    errors.add(error(type, NODES.arrayNode().add("body").add(field), msg, input, ctx));
  }

  /** One entry of pydantic's error list. */
  static ObjectNode error(String type, ArrayNode loc, String msg, JsonNode input, ObjectNode ctx) {
    ObjectNode error = NODES.objectNode();
    error.put("type", type);
    error.set("loc", loc);
    error.put("msg", msg);
    error.set("input", input == null ? NODES.nullNode() : input);
    if (ctx != null) {
      error.set("ctx", ctx);
    }
    return error;
  }
}
