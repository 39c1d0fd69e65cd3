package io.paymentflow.embeddedtemporal;

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
 * Temporal's in-JVM server on a real TCP port, for processes that are not this JVM: the local run's
 * four apps, the benchmarks, the tests. It runs in real time (time skipping locked), can go down
 * and come back on the same port with its state intact, like a frontend restarting in front of its
 * database, and stays fast over long runs ({@link LockDiagnostics}).
 *
 * <p>{@code TestServer.createPortBoundServer} does state and socket at once and does not say which
 * port 0 became, so this builds the same thing from its two parts, which live in an internal
 * package of temporal-testing: acceptable for a development server, and pinned by the Temporal BOM.
 */
public final class EmbeddedTemporalServer implements AutoCloseable {

  private final TestServicesStarter services = new TestServicesStarter(true, 0);
  private final int port;
  private Server server;

  /** Starts on {@code port}, or on a free port when it is 0. */
  public EmbeddedTemporalServer(int port) {
    LockDiagnostics.disable(services);
    server = bind(port);
    this.port = server.getPort();
  }

  /** On a free port. */
  public EmbeddedTemporalServer() {
    this(0);
  }

  public int port() {
    return port;
  }

  /** {@code host:port} for a client's target. */
  public String target() {
    return "127.0.0.1:" + port;
  }

  /** Takes the frontend down: every call fails until {@link #restart()}. */
  public synchronized void stop() throws InterruptedException {
    server.shutdownNow();
    server.awaitTermination(10, TimeUnit.SECONDS);
  }

  /** Brings the frontend back on the same port, with every workflow it had. */
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
      throw new UncheckedIOException("cannot bind the Temporal server to port " + wanted, e);
    }
  }

  @Override
  public synchronized void close() throws InterruptedException {
    stop();
    services.close();
  }
}
