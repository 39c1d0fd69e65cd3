package io.paymentflow.bridge.support;

import io.grpc.Grpc;
import io.grpc.InsecureServerCredentials;
import io.grpc.Server;
import io.grpc.ServerBuilder;
import io.temporal.internal.testservice.GRPCServerHelper;
import io.temporal.internal.testservice.TestServicesStarter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.TimeUnit;

/**
 * Temporal's in-JVM test server on a real TCP port, which can go down and come back on the same
 * port with its state intact, like a real frontend restarting in front of its database.
 *
 * <p>{@code TestServer.createPortBoundServer} does both jobs at once (state and socket) and does
 * not tell which port 0 became, so this builds the same thing from its two parts; they live in an
 * internal package of temporal-testing, which is acceptable for a test fixture.
 */
public final class TemporalTestServer implements AutoCloseable {

  private final TestServicesStarter services = new TestServicesStarter(true, 0);
  private final int port;
  private Server server;

  public TemporalTestServer() {
    server = bind(0);
    port = server.getPort();
  }

  public String target() {
    return "127.0.0.1:" + port;
  }

  /** Takes the frontend down: every call fails until {@link #restart()}. */
  public synchronized void stop() throws InterruptedException {
    server.shutdownNow();
    server.awaitTermination(10, TimeUnit.SECONDS);
  }

  public synchronized void restart() {
    server = bind(port);
  }

  private Server bind(int wanted) {
    ServerBuilder<?> builder =
        Grpc.newServerBuilderForPort(wanted, InsecureServerCredentials.create());
    GRPCServerHelper.registerServicesAndHealthChecks(services.getServices(), builder);
    try {
      return builder.build().start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public synchronized void close() throws InterruptedException {
    stop();
    services.close();
  }
}
