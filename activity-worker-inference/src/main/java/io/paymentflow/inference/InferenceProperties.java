package io.paymentflow.inference;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.convert.DurationUnit;
import org.springframework.validation.annotation.Validated;

/**
 * The inference worker's settings (CONTRACTS sections 2 and 6), bound under {@code
 * temporal-worker.inference}, defaults in application.yml.
 *
 * @param serviceUrl base URL of the inference service
 * @param timeout whole-call HTTP timeout; a plain number is seconds, as the contract's {@code
 *     TEMPORAL_WORKER_INFERENCE_TIMEOUT_SECONDS} says. Cut at run time to fit the attempt's real
 *     start-to-close ({@link CallTimeout}), so a hung call ends as a retryable HTTP timeout rather
 *     than as an activity timeout noticed only at the deadline.
 * @param connectTimeout TCP connect timeout, part of {@code timeout}
 * @param idleTimeout how long a pooled connection may sit unused before the client closes it: below
 *     the service's own keep-alive timeout (uvicorn's is 5 s), so the client, not the server, ends
 *     idle connections
 * @param maxConcurrentCalls activity slots of this worker, and so the most HTTP calls (and pooled
 *     connections) in flight at once: each activity execution makes one blocking call
 * @param pollers concurrent activity-task pollers
 */
@Validated
@ConfigurationProperties("temporal-worker.inference")
record InferenceProperties(
    @NotNull URI serviceUrl,
    @NotNull @DurationUnit(ChronoUnit.SECONDS) Duration timeout,
    @NotNull Duration connectTimeout,
    @NotNull Duration idleTimeout,
    @Min(1) @Max(1000) int maxConcurrentCalls,
    @Min(1) @Max(100) int pollers) {

  @AssertTrue(message = "timeout must be positive")
  boolean isTimeoutPositive() {
    return timeout == null || isPositive(timeout);
  }

  @AssertTrue(message = "connect-timeout must be positive and at most timeout")
  boolean isConnectTimeoutWithinTimeout() {
    return connectTimeout == null
        || timeout == null
        || (isPositive(connectTimeout) && connectTimeout.compareTo(timeout) <= 0);
  }

  @AssertTrue(message = "idle-timeout must be positive")
  boolean isIdleTimeoutPositive() {
    return idleTimeout == null || isPositive(idleTimeout);
  }

  @AssertTrue(message = "service-url must be an absolute http(s) URL")
  boolean isServiceUrlHttp() {
    return serviceUrl == null
        || ("http".equals(serviceUrl.getScheme()) || "https".equals(serviceUrl.getScheme()))
            && serviceUrl.getHost() != null;
  }

  private static boolean isPositive(Duration duration) {
    return !duration.isNegative() && !duration.isZero();
  }
}
