package io.paymentflow.controlplane;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Accepts connections on an address the node's pods reach and pipes each one, byte for byte, to a
 * server that listens on loopback only (PostgreSQL's default {@code listen_addresses}): the server
 * sees a local client, and its own authentication applies unchanged.
 */
final class TcpRelay implements AutoCloseable {

  private final ServerSocket listener;
  private final InetSocketAddress target;
  private final ExecutorService pipes =
      Executors.newCachedThreadPool(
          task -> {
            Thread thread = new Thread(task, "tcp-relay");
            thread.setDaemon(true);
            return thread;
          });

  private TcpRelay(ServerSocket listener, InetSocketAddress target) {
    this.listener = listener;
    this.target = target;
  }

  /** Listens on a free port of {@code bindAddress} and relays to {@code target}. */
  static TcpRelay start(String bindAddress, InetSocketAddress target) {
    try {
      ServerSocket listener = new ServerSocket(0, 64, InetAddress.getByName(bindAddress));
      TcpRelay relay = new TcpRelay(listener, target);
      relay.pipes.execute(relay::acceptLoop);
      return relay;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot listen on " + bindAddress, e);
    }
  }

  int port() {
    return listener.getLocalPort();
  }

  private void acceptLoop() {
    while (!listener.isClosed()) {
      try {
        Socket client = listener.accept();
        pipes.execute(() -> relay(client));
      } catch (IOException e) {
        if (!listener.isClosed()) {
          System.err.println("[relay] accept failed: " + e);
        }
      }
    }
  }

  private void relay(Socket client) {
    try (client;
        Socket server = new Socket()) {
      server.connect(target, 5_000);
      client.setTcpNoDelay(true);
      server.setTcpNoDelay(true);
      pipes.execute(() -> pipe(server, client));
      pipe(client, server);
    } catch (IOException e) {
      // The client sees its connection closed, as it would on a refused one.
    }
  }

  /** Copies until {@code from} ends, then half-closes {@code to}, as a TCP proxy must. */
  private static void pipe(Socket from, Socket to) {
    try {
      InputStream in = from.getInputStream();
      OutputStream out = to.getOutputStream();
      in.transferTo(out);
      to.shutdownOutput();
    } catch (IOException e) {
      try {
        to.close();
      } catch (IOException ignored) {
        // Already closing.
      }
    }
  }

  @Override
  public void close() throws IOException {
    listener.close();
    pipes.shutdownNow();
  }
}
