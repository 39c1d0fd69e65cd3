package io.paymentflow.standin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/** Reading bounded request bodies and writing JSON answers. */
final class Exchanges {

  /** The largest request body the stand-in reads; larger ones get 413. */
  static final int MAX_BODY_BYTES = 64 * 1024;

  /**
   * How much of an oversized body is read and dropped before answering 413: a client still writing
   * when the connection closes would see a reset instead of the 413.
   */
  private static final long MAX_DRAIN_BYTES = 1024 * 1024;

  private Exchanges() {}

  static String readBody(HttpExchange exchange) throws IOException {
    String declared = exchange.getRequestHeaders().getFirst("Content-Length");
    try (InputStream in = exchange.getRequestBody()) {
      if (declared != null && parseLength(declared) > MAX_BODY_BYTES) {
        drain(in);
        throw new RequestError(413, "request body over " + MAX_BODY_BYTES + " bytes");
      }
      byte[] body = in.readNBytes(MAX_BODY_BYTES + 1);
      if (body.length > MAX_BODY_BYTES) {
        drain(in);
        throw new RequestError(413, "request body over " + MAX_BODY_BYTES + " bytes");
      }
      return new String(body, StandardCharsets.UTF_8);
    }
  }

  static void sendJson(HttpExchange exchange, int status, JsonNode body, ObjectMapper json)
      throws IOException {
    byte[] bytes = json.writeValueAsBytes(body);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  static void sendError(HttpExchange exchange, int status, String detail, ObjectMapper json)
      throws IOException {
    sendJson(exchange, status, JsonNodeFactory.instance.objectNode().put("detail", detail), json);
  }

  /** FastAPI's error body: {@code {"detail": ...}}, a sentence or pydantic's error list. */
  static void sendError(HttpExchange exchange, RequestError error, ObjectMapper json)
      throws IOException {
    ObjectNode body = JsonNodeFactory.instance.objectNode();
    body.set("detail", error.detail());
    sendJson(exchange, error.status(), body, json);
  }

  private static void drain(InputStream in) throws IOException {
    byte[] buffer = new byte[8192];
    long drained = 0;
    int read;
    while (drained < MAX_DRAIN_BYTES && (read = in.read(buffer)) > 0) {
      drained += read;
    }
  }

  private static long parseLength(String declared) {
    try {
      return Long.parseLong(declared.trim());
    } catch (NumberFormatException e) {
      throw RequestError.badJson("malformed Content-Length");
    }
  }
}
