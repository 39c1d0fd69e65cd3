package io.paymentflow.inference;

import java.net.URI;
import java.time.Duration;

/** Worker settings for tests: application.yml's defaults, pointed at a test server. */
final class TestProperties {

  private TestProperties() {}

  static InferenceProperties pointingAt(String baseUrl) {
    return pointingAt(baseUrl, Duration.ofSeconds(10));
  }

  static InferenceProperties pointingAt(String baseUrl, Duration timeout) {
    return new InferenceProperties(
        "payment-inference",
        URI.create(baseUrl),
        timeout,
        Duration.ofSeconds(2).compareTo(timeout) < 0 ? Duration.ofSeconds(2) : timeout,
        Duration.ofSeconds(30),
        Duration.ofSeconds(2),
        50,
        5,
        Duration.ofSeconds(30));
  }
}
