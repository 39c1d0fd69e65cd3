package io.paymentflow.inference;

import io.paymentflow.support.AppProperties;
import io.temporal.serviceclient.GrpcCompression;
import java.net.URI;
import java.time.Duration;

/** Worker settings for tests: application.yml's defaults, pointed at a test server. */
final class TestProperties {

  private TestProperties() {}

  static InferenceProperties pointingAt(String baseUrl) {
    return pointingAt(baseUrl, Duration.ofSeconds(10));
  }

  static InferenceProperties pointingAt(String baseUrl, Duration timeout) {
    return pointingAt(baseUrl, timeout, Duration.ofMillis(1500));
  }

  static InferenceProperties pointingAt(String baseUrl, Duration timeout, Duration idleTimeout) {
    return new InferenceProperties(
        URI.create(baseUrl),
        timeout,
        Duration.ofSeconds(2).compareTo(timeout) < 0 ? Duration.ofSeconds(2) : timeout,
        idleTimeout,
        50,
        5);
  }

  /** The shared settings as ContractDefaults gives them. */
  static AppProperties app() {
    return new AppProperties(Duration.ofSeconds(30), Duration.ofSeconds(2), GrpcCompression.GZIP);
  }

  /** The contract's start-to-close of inference activities (CONTRACTS 2.4). */
  static final Duration START_TO_CLOSE = Duration.ofSeconds(30);
}
