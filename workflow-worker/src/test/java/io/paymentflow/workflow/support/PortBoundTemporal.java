package io.paymentflow.workflow.support;

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
 * Temporal's in-JVM test server on an ephemeral port, in real time (no time skipping), reached over
 * gRPC like a real server. {@code TestServer.createPortBoundServer(0)} does the same but does not
 * tell which port it got, so this repeats its three lines and keeps the {@link Server}.
 */
public final class PortBoundTemporal implements AutoCloseable {

  private final TestServicesStarter services = new TestServicesStarter(true, 0);
  private final Server server;

  public PortBoundTemporal() {
    ServerBuilder<?> builder = Grpc.newServerBuilderForPort(0, InsecureServerCredentials.create());
    GRPCServerHelper.registerServicesAndHealthChecks(services.getServices(), builder);
    try {
      server = builder.build().start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@code host:port}, as {@code spring.temporal.connection.target} takes it. */
  public String target() {
    return "127.0.0.1:" + server.getPort();
  }

  @Override
  public void close() {
    server.shutdownNow();
    try {
      server.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    services.close();
  }
}
