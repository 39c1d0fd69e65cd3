package io.paymentflow.standin;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;

/**
 * {@code /_admin/*}: the fault switch and the request stats over HTTP, for tests running in another
 * process (the reliability suite). Never affected by the mode itself.
 *
 * <ul>
 *   <li>{@code GET|POST /_admin/mode} – read or set {@code
 *       {"mode":"FAIL_500","slow_delay_ms":2000}}
 *   <li>{@code GET /_admin/stats} – mode and request counts per path
 *   <li>{@code POST /_admin/reset} – zero the counts and forget the last bodies
 *   <li>{@code GET /_admin/last-request?path=/fraud/score} – the last body sent to that path
 * </ul>
 */
final class AdminHandler implements HttpHandler {

  private final ModeSwitch modes;
  private final RequestStats stats;
  private final ObjectMapper json;

  AdminHandler(ModeSwitch modes, RequestStats stats, ObjectMapper json) {
    this.modes = modes;
    this.stats = stats;
    this.json = json;
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    try {
      String route = exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath();
      String body = Exchanges.readBody(exchange);
      switch (route) {
        case "POST /_admin/mode" -> {
          modes.set(parseSetting(body));
          Exchanges.sendJson(exchange, 200, status(), json);
        }
        case "GET /_admin/mode", "GET /_admin/stats" ->
            Exchanges.sendJson(exchange, 200, status(), json);
        case "POST /_admin/reset" -> {
          stats.reset();
          Exchanges.sendJson(exchange, 200, status(), json);
        }
        case "GET /_admin/last-request" -> sendLastRequest(exchange);
        default -> Exchanges.sendError(exchange, 404, "no such admin endpoint: " + route, json);
      }
    } catch (RequestError e) {
      Exchanges.sendError(exchange, e, json);
    } finally {
      exchange.close();
    }
  }

  private ModeSwitch.Setting parseSetting(String body) {
    JsonNode request;
    try {
      request = json.readTree(body);
    } catch (JsonProcessingException e) {
      throw RequestError.badJson("request body is not JSON: " + e.getOriginalMessage());
    }
    if (request == null || !request.isObject()) {
      throw RequestError.badJson("request body must be a JSON object");
    }
    Fields fields = new Fields(request);
    String name = fields.requiredText("mode");
    Long delayMs = fields.optionalInt("slow_delay_ms", 0, null);
    fields.check();
    Mode mode;
    try {
      mode = Mode.valueOf(name.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new RequestError(422, "unknown mode " + name);
    }
    Duration delay = delayMs == null ? modes.current().slowDelay() : Duration.ofMillis(delayMs);
    return new ModeSwitch.Setting(mode, delay);
  }

  private ObjectNode status() {
    ModeSwitch.Setting setting = modes.current();
    ObjectNode node = JsonNodeFactory.instance.objectNode();
    node.put("mode", setting.mode().name());
    node.put("slow_delay_ms", setting.slowDelay().toMillis());
    ObjectNode requests = node.putObject("requests");
    stats.counts().forEach(requests::put);
    return node;
  }

  private void sendLastRequest(HttpExchange exchange) throws IOException {
    String query = exchange.getRequestURI().getQuery();
    String path = query != null && query.startsWith("path=") ? query.substring(5) : "";
    String body = stats.lastBody(path).orElse(null);
    if (body == null) {
      Exchanges.sendError(exchange, 404, "no request seen on " + path, json);
      return;
    }
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(200, bytes.length == 0 ? -1 : bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }
}
