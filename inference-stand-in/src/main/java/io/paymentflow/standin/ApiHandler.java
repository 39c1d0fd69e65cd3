package io.paymentflow.standin;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/** The inference API of CONTRACTS section 6, answered as the current {@link Mode} says. */
final class ApiHandler implements HttpHandler {

  private static final System.Logger LOG = System.getLogger(ApiHandler.class.getName());

  private static final Map<String, Function<JsonNode, ObjectNode>> MODELS =
      Map.of(
          "/fraud/score", FraudModel::score,
          "/retry/strategy", RetryModel::strategy,
          "/churn/predict", ChurnModel::predict);
  private static final String HEALTH = "/health";

  private static final String NUL = "\u0000";

  private final ModeSwitch modes;
  private final RequestStats stats;
  private final ObjectMapper json;
  private final Latency latency;

  ApiHandler(ModeSwitch modes, RequestStats stats, ObjectMapper json, Latency latency) {
    this.modes = modes;
    this.stats = stats;
    this.json = json;
    this.latency = latency;
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    try {
      String path = exchange.getRequestURI().getPath();
      String body = readAndRecord(exchange, path);
      Function<JsonNode, ObjectNode> model = MODELS.get(path);
      String method = model != null ? "POST" : path.equals(HEALTH) ? "GET" : null;
      if (method == null) {
        Exchanges.sendError(exchange, 404, "no such endpoint: " + path, json);
      } else if (!method.equals(exchange.getRequestMethod())) {
        exchange.getResponseHeaders().set("Allow", method);
        Exchanges.sendError(exchange, 405, "use " + method, json);
      } else if (answerInjectedFault(exchange)) {
        return;
      } else if (model == null) {
        Exchanges.sendJson(
            exchange, 200, JsonNodeFactory.instance.objectNode().put("status", "ok"), json);
      } else if (modes.pause(latency.of(body))) {
        JsonNode request = parseObject(body);
        Exchanges.sendJson(exchange, 200, misbehaving(request, model.apply(request)), json);
      }
    } catch (RequestError e) {
      Exchanges.sendError(exchange, e, json);
    } catch (InterruptedException e) {
      // Closing the stand-in interrupts held requests: their connections are dropped.
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      LOG.log(System.Logger.Level.ERROR, "stand-in failed on " + exchange.getRequestURI(), e);
      Exchanges.sendError(exchange, 500, "stand-in error", json);
    } finally {
      exchange.close();
    }
  }

  /** Counts every request, even ones refused later, so retries show up in the stats. */
  private String readAndRecord(HttpExchange exchange, String path) throws IOException {
    try {
      String body = Exchanges.readBody(exchange);
      stats.record(path, body);
      return body;
    } catch (RequestError e) {
      stats.record(path, "");
      throw e;
    }
  }

  /** Applies the fault mode; true when it already answered or dropped the request. */
  private boolean answerInjectedFault(HttpExchange exchange)
      throws IOException, InterruptedException {
    Optional<ModeSwitch.Setting> setting = modes.awaitAnswerable();
    if (setting.isEmpty()) {
      return true;
    }
    switch (setting.get().mode()) {
      case FAIL_500 -> Exchanges.sendError(exchange, 500, "injected failure (FAIL_500)", json);
      case FAIL_400 -> Exchanges.sendError(exchange, 400, "injected rejection (FAIL_400)", json);
      case SLOW -> {
        return !modes.pause(setting.get().slowDelay());
      }
      default -> {
        return false;
      }
    }
    return true;
  }

  /**
   * The answer, with a NUL echoed into its texts when the request asks for it ({@link
   * InferenceStandIn#ECHO_NUL}).
   */
  private static ObjectNode misbehaving(JsonNode request, ObjectNode answer) {
    if (!InferenceStandIn.ECHO_NUL.equals(request.path("merchant_id").asText(null))
        && !InferenceStandIn.ECHO_NUL.equals(request.path("failure_code").asText(null))) {
      return answer;
    }
    for (String field : new String[] {"event_id", "customer_id", "risk_level", "action"}) {
      if (answer.hasNonNull(field)) {
        answer.put(field, answer.get(field).asText() + NUL);
      }
    }
    return answer;
  }

  /** The body as FastAPI reads a model's: JSON, an object; else 422 as it answers. */
  private JsonNode parseObject(String body) {
    if (body.isBlank()) {
      throw RequestError.unprocessableBody("missing", "Field required", null, null);
    }
    JsonNode node;
    try {
      node = json.readTree(body);
    } catch (JsonProcessingException e) {
      int offset = e.getLocation() == null ? 0 : (int) e.getLocation().getCharOffset();
      throw RequestError.unprocessableBody(
          "json_invalid",
          "JSON decode error",
          JsonNodeFactory.instance.objectNode(),
          JsonNodeFactory.instance.objectNode().put("error", e.getOriginalMessage()),
          Math.max(offset, 0));
    }
    if (!node.isObject()) {
      throw RequestError.unprocessableBody(
          "model_attributes_type",
          "Input should be a valid dictionary or object to extract fields from",
          node,
          null);
    }
    return node;
  }
}
