package io.paymentflow.persistence;

import io.paymentflow.embeddedtemporal.EmbeddedTemporalServer;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * One in-JVM Temporal server on a random port, shared by every context of the test JVM, and the
 * initializer that points the app at it. It lives as long as the JVM: contexts cached by the test
 * framework close at JVM exit, and their workers should find the server still there.
 */
public class TemporalTestServer
    implements ApplicationContextInitializer<ConfigurableApplicationContext> {

  private static EmbeddedTemporalServer server;

  /** {@code host:port} of the shared server, started on first use. */
  static synchronized String target() {
    if (server == null) {
      server = new EmbeddedTemporalServer();
    }
    return server.target();
  }

  @Override
  public void initialize(ConfigurableApplicationContext context) {
    TestPropertyValues.of("spring.temporal.connection.target=" + target()).applyTo(context);
  }
}
