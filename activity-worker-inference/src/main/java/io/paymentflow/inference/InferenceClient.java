package io.paymentflow.inference;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.paymentflow.contracts.event.PaymentEvent;
import io.paymentflow.contracts.inference.ChurnPrediction;
import io.paymentflow.contracts.inference.FraudScore;
import io.paymentflow.contracts.inference.RetryStrategy;
import io.paymentflow.support.AppProperties;
import io.temporal.failure.ApplicationFailure;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.Consumer;
import org.springframework.stereotype.Component;

/**
 * The inference service's client (CONTRACTS section 6): one HTTP client for the whole worker, built
 * once, its connections kept alive and reused across activities (the original opened a new client
 * per call, section 7).
 *
 * <p>Why the JDK's {@link HttpClient}: it is thread-safe, pools HTTP/1.1 connections, has per-call
 * timeouts, and needs no library. Its pool has no size cap of its own, but it needs none here: each
 * activity execution makes one blocking call at a time, so connections in use never exceed the
 * worker's activity slots ({@code max-concurrent-calls}), and idle ones are reused.
 */
@Component
class InferenceClient {

  static final String FRAUD_SCORE = "/fraud/score";
  static final String RETRY_STRATEGY = "/retry/strategy";
  static final String CHURN_PREDICT = "/churn/predict";
  static final String HEALTH = "/health";

  private final HttpClient http;
  private final String baseUrl;
  private final Duration timeout;
  private final Duration healthTimeout;
  private final MeterRegistry meters;

  InferenceClient(InferenceProperties properties, AppProperties app, MeterRegistry meters) {
    this.baseUrl = properties.serviceUrl().toString().replaceAll("/+$", "");
    this.timeout = properties.timeout();
    this.healthTimeout = app.healthCheckTimeout();
    this.meters = meters;
    this.http =
        HttpClient.newBuilder()
            // The service speaks HTTP/1.1; this skips the h2c upgrade attempt on every connection.
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(properties.connectTimeout())
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
  }

  /**
   * @param startToClose the calling attempt's, which the HTTP timeout must fit ({@link
   *     CallTimeout})
   */
  FraudScore fraudScore(PaymentEvent event, Duration startToClose) {
    return call(
        FRAUD_SCORE,
        startToClose,
        InferenceRequests.Fraud.of(event),
        FraudScore.class,
        answer -> ResponseChecks.fraudScore(FRAUD_SCORE, event, answer));
  }

  RetryStrategy retryStrategy(PaymentEvent event, Duration startToClose) {
    return call(
        RETRY_STRATEGY,
        startToClose,
        InferenceRequests.Retry.of(event),
        RetryStrategy.class,
        answer -> ResponseChecks.retryStrategy(RETRY_STRATEGY, event, answer));
  }

  ChurnPrediction churnPrediction(PaymentEvent event, Duration startToClose) {
    return call(
        CHURN_PREDICT,
        startToClose,
        InferenceRequests.Churn.of(event),
        ChurnPrediction.class,
        answer -> ResponseChecks.churnPrediction(CHURN_PREDICT, event, answer));
  }

  /** {@code GET /health}; throws the same failures as the calls, so health reports why. */
  void checkHealth() {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(baseUrl + HEALTH)).timeout(healthTimeout).GET().build();
    HttpResponse<String> response = send(HEALTH, request, healthTimeout);
    if (response.statusCode() / 100 != 2) {
      throw HttpFailures.forStatus(
          HEALTH,
          response.statusCode(),
          response.body(),
          response.headers().firstValue("Retry-After"));
    }
  }

  private <T> T call(
      String endpoint, Duration startToClose, Object body, Class<T> type, Consumer<T> check) {
    Duration limit = CallTimeout.of(timeout, startToClose);
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(baseUrl + endpoint))
            .timeout(limit)
            .header("Content-Type", "application/json")
            .header("Accept", "application/json")
            .POST(HttpRequest.BodyPublishers.ofByteArray(InferenceJson.write(endpoint, body)))
            .build();
    Timer.Sample sample = Timer.start(meters);
    String outcome = "success";
    try {
      HttpResponse<String> response = send(endpoint, request, limit);
      if (response.statusCode() / 100 != 2) {
        throw HttpFailures.forStatus(
            endpoint,
            response.statusCode(),
            response.body(),
            response.headers().firstValue("Retry-After"));
      }
      T answer = InferenceJson.read(endpoint, response.body(), type);
      check.accept(answer);
      return answer;
    } catch (ApplicationFailure failure) {
      outcome = failure.getType();
      throw failure;
    } finally {
      sample.stop(
          Timer.builder("inference.call")
              .description("Calls to the inference service, by endpoint and outcome")
              .tag("endpoint", endpoint)
              .tag("outcome", outcome)
              .register(meters));
    }
  }

  private HttpResponse<String> send(String endpoint, HttpRequest request, Duration limit) {
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw HttpFailures.forIoException(endpoint, limit, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw HttpFailures.forInterruption(endpoint, e);
    }
  }
}
