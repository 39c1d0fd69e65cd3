package io.paymentflow.standin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.TextNode;

/**
 * A request the stand-in refuses: the HTTP status and the body's {@code detail}, a sentence or, for
 * a 422, pydantic's list of errors.
 */
final class RequestError extends RuntimeException {

  private final int status;
  private final JsonNode detail;

  RequestError(int status, String detail) {
    this(status, TextNode.valueOf(detail));
  }

  private RequestError(int status, JsonNode detail) {
    super(detail.isTextual() ? detail.textValue() : detail.toString(), null, false, false);
    this.status = status;
    this.detail = detail;
  }

  int status() {
    return status;
  }

  JsonNode detail() {
    return detail;
  }

  static RequestError badJson(String detail) {
    return new RequestError(400, detail);
  }

  /** FastAPI answers a body it cannot validate with 422 and the errors found. */
  static RequestError unprocessable(ArrayNode errors) {
    return new RequestError(422, errors);
  }

  /** One problem with the body as a whole (not JSON, not an object, absent). */
  static RequestError unprocessableBody(
      String type, String msg, JsonNode input, JsonNode ctx, Object... locAfterBody) {
    ArrayNode loc = JsonNodeFactory.instance.arrayNode().add("body");
    for (Object step : locAfterBody) {
      if (step instanceof Integer index) {
        loc.add(index);
      } else {
        loc.add(step.toString());
      }
    }
    var error = Fields.error(type, loc, msg, input, null);
    if (ctx != null) {
      error.set("ctx", ctx);
    }
    return unprocessable(JsonNodeFactory.instance.arrayNode().add(error));
  }
}
