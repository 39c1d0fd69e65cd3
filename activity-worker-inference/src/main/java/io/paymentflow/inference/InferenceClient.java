package io.paymentflow.inference;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.paymentflow.contracts.inference.ChurnPrediction;
import io.paymentflow.contracts.inference.ChurnPredictionRequest;
import io.paymentflow.contracts.inference.FraudScore;
import io.paymentflow.contracts.inference.FraudScoreRequest;
import io.paymentflow.contracts.inference.RetryStrategy;
import io.paymentflow.contracts.inference.RetryStrategyRequest;
import io.paymentflow.support.AppProperties;
import io.temporal.failure.ApplicationFailure;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;
import org.springframework.stereotype.Component;

/**
 * The inference service's client (CONTRACTS section 6): one connection pool for the whole worker,
 * built once, its connections kept alive and reused across activities (the original opened a new
 * client per call, section 7).
 *
 * <p>Why Apache HttpClient 5 and not the JDK's client: the JDK's keeps an idle connection for 1,200
 * s (a JVM-wide setting), far past common servers' keep-alive (uvicorn 5 s, gunicorn 2 s, Node 5
 * s), so after a pause calls met connections the server had closed and failed an activity attempt.
 * This pool is the worker's own: bounded to the activity slots (plus one for the health check),
 * idle connections closed after {@code idle-timeout}, below those defaults, a connection idle for a
 * while checked before reuse, and one immediate retry when a call still meets a dead one ({@link
 * StaleConnectionRetry}).
 *
 * <p>Each call has one deadline, {@link CallTimeout}, for all of it: the wait for a pooled
 * connection, connecting, the retry, and the answer. A call still running then is aborted.
 */
@Component
class InferenceClient implements AutoCloseable {

  static final String FRAUD_SCORE = "/fraud/score";
  static final String RETRY_STRATEGY = "/retry/strategy";
  static final String CHURN_PREDICT = "/churn/predict";
  static final String HEALTH = "/health";

  /** A connection idle this long is checked before it is reused. */
  static final TimeValue VALIDATE_AFTER_INACTIVITY = TimeValue.ofMilliseconds(500);

  /** The largest answer read; the contract's are a few hundred bytes. */
  static final int MAX_ANSWER_CHARS = 256 * 1024;

  private final CloseableHttpClient http;
  private final ScheduledExecutorService deadlines;
  private final String baseUrl;
  private final Duration timeout;
  private final Duration healthTimeout;
  private final MeterRegistry meters;

  InferenceClient(InferenceProperties properties, AppProperties app, MeterRegistry meters) {
    this.baseUrl = properties.serviceUrl().toString().replaceAll("/+$", "");
    this.timeout = properties.timeout();
    this.healthTimeout = app.healthCheckTimeout();
    this.meters = meters;
    int connections = properties.maxConcurrentCalls() + 1;
    this.http =
        HttpClients.custom()
            .setConnectionManager(
                PoolingHttpClientConnectionManagerBuilder.create()
                    .setMaxConnTotal(connections)
                    .setMaxConnPerRoute(connections)
                    .setDefaultConnectionConfig(
                        ConnectionConfig.custom()
                            .setConnectTimeout(Timeout.of(properties.connectTimeout()))
                            .setValidateAfterInactivity(VALIDATE_AFTER_INACTIVITY)
                            .build())
                    .build())
            .evictIdleConnections(TimeValue.of(properties.idleTimeout()))
            .setRetryStrategy(new StaleConnectionRetry())
            .disableRedirectHandling()
            .disableCookieManagement()
            .disableAuthCaching()
            .disableContentCompression()
            .build();
    this.deadlines =
        Executors.newSingleThreadScheduledExecutor(
            task -> {
              Thread thread = new Thread(task, "inference-call-deadlines");
              thread.setDaemon(true);
              return thread;
            });
  }

  /**
   * @param startToClose the calling attempt's, which the HTTP timeout must fit ({@link
   *     CallTimeout})
   */
  FraudScore fraudScore(FraudScoreRequest request, Duration startToClose) {
    return call(
        FRAUD_SCORE,
        startToClose,
        request,
        FraudScore.class,
        answer -> ResponseChecks.fraudScore(FRAUD_SCORE, request.eventId(), answer));
  }

  RetryStrategy retryStrategy(RetryStrategyRequest request, Duration startToClose) {
    return call(
        RETRY_STRATEGY,
        startToClose,
        request,
        RetryStrategy.class,
        answer -> ResponseChecks.retryStrategy(RETRY_STRATEGY, request.eventId(), answer));
  }

  ChurnPrediction churnPrediction(ChurnPredictionRequest request, Duration startToClose) {
    return call(
        CHURN_PREDICT,
        startToClose,
        request,
        ChurnPrediction.class,
        answer -> ResponseChecks.churnPrediction(CHURN_PREDICT, request.customerId(), answer));
  }

  /** {@code GET /health}; throws the same failures as the calls, so health reports why. */
  void checkHealth() {
    Answer answer = send(HEALTH, new HttpGet(baseUrl + HEALTH), healthTimeout);
    if (answer.status() / 100 != 2) {
      throw HttpFailures.forStatus(HEALTH, answer.status(), answer.body(), answer.retryAfter());
    }
  }

  private <T> T call(
      String endpoint, Duration startToClose, Object body, Class<T> type, Consumer<T> check) {
    Duration limit = CallTimeout.of(timeout, startToClose);
    HttpPost request = new HttpPost(baseUrl + endpoint);
    request.setHeader("Accept", "application/json");
    request.setEntity(
        new ByteArrayEntity(InferenceJson.write(endpoint, body), ContentType.APPLICATION_JSON));
    Timer.Sample sample = Timer.start(meters);
    String outcome = "success";
    try {
      Answer answer = send(endpoint, request, limit);
      if (answer.status() / 100 != 2) {
        throw HttpFailures.forStatus(endpoint, answer.status(), answer.body(), answer.retryAfter());
      }
      T read = InferenceJson.read(endpoint, answer.body(), type);
      check.accept(read);
      return read;
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

  /** A status, its body and its Retry-After, read whole before the connection goes back. */
  private record Answer(int status, String body, Optional<String> retryAfter) {}

  /** Sends {@code request} and reads its answer, all of it within {@code limit}. */
  private Answer send(String endpoint, HttpUriRequestBase request, Duration limit) {
    AtomicBoolean expired = new AtomicBoolean();
    ScheduledFuture<?> deadline =
        deadlines.schedule(
            () -> {
              expired.set(true);
              request.cancel();
            },
            limit.toNanos(),
            TimeUnit.NANOSECONDS);
    request.setConfig(
        RequestConfig.custom()
            .setConnectionRequestTimeout(Timeout.of(limit))
            .setResponseTimeout(Timeout.of(limit))
            .build());
    try {
      return http.execute(
          request,
          response ->
              new Answer(
                  response.getCode(),
                  response.getEntity() == null
                      ? ""
                      : EntityUtils.toString(
                          response.getEntity(), StandardCharsets.UTF_8, MAX_ANSWER_CHARS),
                  Optional.ofNullable(response.getFirstHeader("Retry-After"))
                      .map(Header::getValue)));
    } catch (IOException e) {
      if (Thread.currentThread().isInterrupted()) {
        throw HttpFailures.forInterruption(endpoint, e);
      }
      throw HttpFailures.forIoException(endpoint, limit, e, expired.get());
    } finally {
      deadline.cancel(false);
    }
  }

  /** Closes the pooled connections once the workers have drained (after {@code WorkerDrain}). */
  @Override
  public void close() {
    deadlines.shutdownNow();
    http.close(CloseMode.GRACEFUL);
  }
}
