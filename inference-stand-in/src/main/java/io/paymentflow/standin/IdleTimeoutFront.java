package io.paymentflow.standin;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The stand-in's listening socket, in front of its HTTP server on loopback: it passes bytes both
 * ways and closes a connection that has sat idle between requests for longer than the idle timeout,
 * as uvicorn does after its keep-alive timeout (5 s by default). A client that sends on such a
 * connection just as it closes meets the keep-alive race the real service shows. A request waiting
 * for its answer is never idle, so the TIMEOUT and SLOW modes hold as long as they like.
 *
 * <p>Why not the JDK server's own idle timeout: it is one JVM-wide system property, checked on a 10
 * s timer, so it could neither differ per stand-in nor be as short as a test needs.
 */
final class IdleTimeoutFront implements AutoCloseable {

  private static final System.Logger LOG = System.getLogger(IdleTimeoutFront.class.getName());

  /** Connections beyond this are closed at once, as an overloaded server's would be. */
  private static final int MAX_CONNECTIONS = 1024;

  private final ServerSocket listener;
  private final InetSocketAddress backend;
  private final long idleNanos;
  private final Set<Connection> connections = ConcurrentHashMap.newKeySet();
  private final ExecutorService pumps;
  private final ScheduledExecutorService idleCheck;
  private volatile boolean closed;

  IdleTimeoutFront(int port, InetSocketAddress backend, Duration idleTimeout) throws IOException {
    this.listener = new ServerSocket();
    listener.setReuseAddress(true);
    listener.bind(new InetSocketAddress(port), 128);
    this.backend = backend;
    this.idleNanos = idleTimeout.toNanos();
    AtomicInteger threadNumber = new AtomicInteger();
    this.pumps =
        Executors.newCachedThreadPool(
            task -> daemon(task, "inference-stand-in-front-" + threadNumber.incrementAndGet()));
    this.idleCheck =
        Executors.newSingleThreadScheduledExecutor(
            task -> daemon(task, "inference-stand-in-idle-check"));
    long every = Math.max(TimeUnit.MILLISECONDS.toNanos(20), idleNanos / 10);
    idleCheck.scheduleWithFixedDelay(this::closeIdle, every, every, TimeUnit.NANOSECONDS);
    pumps.execute(this::accept);
  }

  int port() {
    return listener.getLocalPort();
  }

  private void accept() {
    while (!closed) {
      Socket client;
      try {
        client = listener.accept();
      } catch (IOException e) {
        if (!closed) {
          LOG.log(System.Logger.Level.WARNING, "stand-in accept failed", e);
        }
        return;
      }
      if (connections.size() >= MAX_CONNECTIONS) {
        closeQuietly(client);
        continue;
      }
      try {
        Socket server = new Socket(InetAddress.getLoopbackAddress(), backend.getPort());
        client.setTcpNoDelay(true);
        server.setTcpNoDelay(true);
        Connection connection = new Connection(client, server);
        connections.add(connection);
        pumps.execute(() -> connection.pump(client, server, true));
        pumps.execute(() -> connection.pump(server, client, false));
      } catch (IOException e) {
        closeQuietly(client);
      }
    }
  }

  private void closeIdle() {
    long now = System.nanoTime();
    for (Connection connection : connections) {
      if (!connection.awaitingAnswer && now - connection.lastActivity > idleNanos) {
        connection.close();
      }
    }
  }

  /** One client connection and the server connection it is passed to. */
  private final class Connection {
    private final Socket client;
    private final Socket server;
    private volatile long lastActivity = System.nanoTime();
    private volatile boolean awaitingAnswer;

    Connection(Socket client, Socket server) {
      this.client = client;
      this.server = server;
    }

    /** Copies bytes one way until either side closes; then closes both. */
    void pump(Socket from, Socket to, boolean request) {
      byte[] buffer = new byte[16 * 1024];
      try (InputStream in = from.getInputStream()) {
        OutputStream out = to.getOutputStream();
        int read;
        while ((read = in.read(buffer)) > 0) {
          // A request's bytes start the wait for its answer; the answer's bytes end it.
          awaitingAnswer = request;
          lastActivity = System.nanoTime();
          out.write(buffer, 0, read);
          out.flush();
        }
      } catch (SocketException closedMeanwhile) {
        // the other pump or the idle check closed the connection
      } catch (IOException e) {
        LOG.log(System.Logger.Level.DEBUG, "stand-in connection failed", e);
      } finally {
        close();
      }
    }

    void close() {
      connections.remove(this);
      closeQuietly(client);
      closeQuietly(server);
    }
  }

  @Override
  public void close() {
    closed = true;
    closeQuietly(listener);
    connections.forEach(Connection::close);
    idleCheck.shutdownNow();
    pumps.shutdownNow();
  }

  private static Thread daemon(Runnable task, String name) {
    Thread thread = new Thread(task, name);
    thread.setDaemon(true);
    return thread;
  }

  private static void closeQuietly(AutoCloseable closeable) {
    try {
      closeable.close();
    } catch (Exception ignored) {
      // closing is all that is left to do
    }
  }
}
