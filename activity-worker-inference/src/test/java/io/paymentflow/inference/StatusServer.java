package io.paymentflow.inference;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/**
 * A real HTTP server that answers every request with one canned status, body and optional {@code
 * Retry-After}: the answers the stand-in's modes do not cover (408, 429, 502, out-of-contract
 * bodies).
 */
final class StatusServer implements AutoCloseable {

  private final HttpServer server;
  private volatile int status = 200;
  private volatile String body = "{}";
  private volatile String retryAfter;

  StatusServer() {
    try {
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 16);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext(
        "/",
        exchange -> {
          exchange.getRequestBody().readAllBytes();
          byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().set("Content-Type", "application/json");
          if (retryAfter != null) {
            exchange.getResponseHeaders().set("Retry-After", retryAfter);
          }
          exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
          }
        });
    server.start();
  }

  StatusServer answer(int status, String body) {
    this.status = status;
    this.body = body;
    this.retryAfter = null;
    return this;
  }

  StatusServer withRetryAfter(String retryAfter) {
    this.retryAfter = retryAfter;
    return this;
  }

  String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
