package io.paymentflow.standin;

import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A deterministic stand-in for the inference service (CONTRACTS section 6) on the JDK's HTTP
 * server, for tests and local runs: same request, same answer, across restarts. A fault switch
 * ({@link #setMode}, or {@code POST /_admin/mode}) makes it fail, hang or slow down, and it counts
 * requests per path so tests can prove retries.
 */
public final class InferenceStandIn implements AutoCloseable {

  /** The port the real service listens on, and so the default here. */
  public static final int DEFAULT_PORT = 8002;

  /** The SLOW mode's delay until a test sets another. */
  public static final Duration DEFAULT_SLOW_DELAY = Duration.ofSeconds(2);

  /**
   * Request threads. Bounded, so a flood of held TIMEOUT requests cannot exhaust the JVM; requests
   * beyond threads plus queue get their connection closed, as an overloaded server's would.
   */
  private static final int THREADS = 64;

  private static final int QUEUE = 512;

  private final HttpServer server;
  private final ThreadPoolExecutor executor;
  private final ModeSwitch modes = new ModeSwitch(DEFAULT_SLOW_DELAY);
  private final RequestStats stats = new RequestStats();
  private final CountDownLatch closed = new CountDownLatch(1);

  private InferenceStandIn(int port) throws IOException {
    // Plain decimals: a score is 0.0001, never 1E-4.
    ObjectMapper json =
        JsonMapper.builder().enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN).build();
    AtomicInteger threadNumber = new AtomicInteger();
    executor =
        new ThreadPoolExecutor(
            THREADS,
            THREADS,
            30,
            TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(QUEUE),
            task -> {
              Thread thread =
                  new Thread(task, "inference-stand-in-" + threadNumber.incrementAndGet());
              thread.setDaemon(true);
              return thread;
            });
    executor.allowCoreThreadTimeOut(true);
    server = HttpServer.create(new InetSocketAddress(port), 128);
    server.createContext("/", new ApiHandler(modes, stats, json));
    server.createContext("/_admin/", new AdminHandler(modes, stats, json));
    server.setExecutor(executor);
    server.start();
  }

  /** Starts listening on {@code port} on all interfaces; 0 picks a free port. */
  public static InferenceStandIn start(int port) {
    try {
      return new InferenceStandIn(port);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot listen on port " + port, e);
    }
  }

  public int port() {
    return server.getAddress().getPort();
  }

  /** {@code http://localhost:<port>}, without a trailing slash. */
  public String baseUrl() {
    return "http://localhost:" + port();
  }

  public Mode mode() {
    return modes.current().mode();
  }

  /** Switches the fault mode, keeping the SLOW delay. Requests held by TIMEOUT are released. */
  public void setMode(Mode mode) {
    setMode(mode, modes.current().slowDelay());
  }

  /** Switches the fault mode and sets the delay SLOW waits before answering. */
  public void setMode(Mode mode, Duration slowDelay) {
    modes.set(new ModeSwitch.Setting(mode, slowDelay));
  }

  /** Requests received on {@code path} (e.g. {@code /fraud/score}), whatever their outcome. */
  public long requestCount(String path) {
    return stats.count(path);
  }

  /** Request counts per path, sorted by path. */
  public Map<String, Long> requestCounts() {
    return stats.counts();
  }

  /** The raw body of the last request on {@code path}, as the client sent it. */
  public Optional<String> lastRequestBody(String path) {
    return stats.lastBody(path);
  }

  /** Zeroes the counts and forgets the last bodies; the mode stays. */
  public void resetStats() {
    stats.reset();
  }

  /** Stops listening, drops held requests and stops the request threads. Idempotent. */
  @Override
  public synchronized void close() {
    if (closed.getCount() == 0) {
      return;
    }
    modes.close();
    server.stop(0);
    executor.shutdownNow();
    closed.countDown();
  }

  /**
   * Runs the stand-in until SIGTERM or Ctrl-C. Port: {@code --port=N}, else the environment
   * variable {@code INFERENCE_STAND_IN_PORT}, else {@value #DEFAULT_PORT}.
   */
  public static void main(String[] args) throws InterruptedException {
    int port = StandInArgs.port(args, System.getenv("INFERENCE_STAND_IN_PORT"));
    InferenceStandIn standIn = start(port);
    Runtime.getRuntime().addShutdownHook(new Thread(standIn::close, "inference-stand-in-shutdown"));
    System.out.println("inference stand-in listening on " + standIn.baseUrl());
    standIn.closed.await();
  }
}
