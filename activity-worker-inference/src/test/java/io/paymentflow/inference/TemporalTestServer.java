package io.paymentflow.inference;

import io.temporal.testserver.TestServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;

/**
 * Temporal's in-JVM test server on a real TCP port, so the app connects to it as to a real
 * frontend. The SDK cannot report the port it bound for port 0, so a free port is picked first;
 * should another process take it in between, another is tried.
 */
final class TemporalTestServer implements AutoCloseable {

  private final TestServer.PortBoundTestServer server;
  private final int port;

  private TemporalTestServer(TestServer.PortBoundTestServer server, int port) {
    this.server = server;
    this.port = port;
  }

  static TemporalTestServer start() {
    RuntimeException last = null;
    for (int attempt = 0; attempt < 5; attempt++) {
      int port = freePort();
      try {
        return new TemporalTestServer(TestServer.createPortBoundServer(port), port);
      } catch (RuntimeException e) {
        last = e;
      }
    }
    throw last;
  }

  String target() {
    return "127.0.0.1:" + port;
  }

  @Override
  public void close() {
    server.close();
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
