package io.paymentflow.persistence;

import io.grpc.Server;
import io.temporal.testserver.TestServer;
import io.temporal.testserver.TestServer.PortBoundTestServer;
import java.lang.reflect.Field;
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

  private static PortBoundTestServer server;
  private static String target;

  /** {@code localhost:<port>} of the shared server, started on first use. */
  static synchronized String target() {
    if (server == null) {
      server = TestServer.createPortBoundServer(0);
      target = "localhost:" + port(server);
    }
    return target;
  }

  @Override
  public void initialize(ConfigurableApplicationContext context) {
    TestPropertyValues.of("spring.temporal.connection.target=" + target()).applyTo(context);
  }

  /** The SDK does not expose the port it bound for port 0; its gRPC server knows it. */
  private static int port(PortBoundTestServer server) {
    try {
      Field grpcServer = PortBoundTestServer.class.getDeclaredField("outOfProcessServer");
      grpcServer.setAccessible(true);
      return ((Server) grpcServer.get(server)).getPort();
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot read the test server's port", e);
    }
  }
}
