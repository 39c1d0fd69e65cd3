package io.paymentflow.standin;

import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
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
 * server, for tests and local runs: same request, same answer, across restarts. Where it matters to
 * a client it behaves as the real service (FastAPI on uvicorn) does: it validates requests and
 * answers 422 in FastAPI's error shape, closes keep-alive connections idle for 5 s ({@link
 * Options#idleTimeout}), and can take 10 to 100 ms on a call ({@link Options#latency}). A fault
 * switch ({@link #setMode}, or {@code POST /_admin/mode}) makes it fail, hang or slow down, and it
 * counts requests per path so tests can prove retries.
 */
public final class InferenceStandIn implements AutoCloseable {

  /**
   * A request whose {@code merchant_id} or {@code failure_code} is this is answered as a
   * misbehaving service would: a NUL echoed into the answer's level or action and ids. The client
   * must refuse such an answer and report it without harm to the row (issue 24, audit N11), and
   * tests reach that path with a record, whatever mode the stand-in is in.
   */
  public static final String ECHO_NUL = "stand-in:echo-nul";

  /** The port the real service listens on, and so the default here. */
  public static final int DEFAULT_PORT = 8002;

  /** uvicorn's default keep-alive timeout. */
  public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofSeconds(5);

  /**
   * How the stand-in listens and paces its answers.
   *
   * @param port 0 picks a free one
   * @param idleTimeout a connection idle this long between requests is closed by the stand-in
   * @param latency each model call waits a time in this range before answering, the same for the
   *     same request; {@link Latency#NONE} by default
   */
  public record Options(int port, Duration idleTimeout, Latency latency) {

    public Options {
      if (port < 0 || port > 65_535) {
        throw new IllegalArgumentException("port must be 0..65535, was " + port);
      }
      if (idleTimeout == null || idleTimeout.isNegative() || idleTimeout.isZero()) {
        throw new IllegalArgumentException("idle timeout must be positive, was " + idleTimeout);
      }
      if (latency == null) {
        throw new IllegalArgumentException("latency must be given (Latency.NONE for none)");
      }
    }

    public static Options onPort(int port) {
      return new Options(port, DEFAULT_IDLE_TIMEOUT, Latency.NONE);
    }

    public Options withIdleTimeout(Duration timeout) {
      return new Options(port, timeout, latency);
    }

    public Options withLatency(Latency range) {
      return new Options(port, idleTimeout, range);
    }
  }

  /** The SLOW mode's delay until a test sets another. */
  public static final Duration DEFAULT_SLOW_DELAY = Duration.ofSeconds(2);

  /**
   * Request threads. Bounded, so a flood of held TIMEOUT requests cannot exhaust the JVM; requests
   * beyond threads plus queue get their connection closed, as an overloaded server's would.
   */
  private static final int THREADS = 64;

  private static final int QUEUE = 512;

  private final HttpServer server;
  private final IdleTimeoutFront front;
  private final ThreadPoolExecutor executor;
  private final ModeSwitch modes = new ModeSwitch(DEFAULT_SLOW_DELAY);
  private final RequestStats stats = new RequestStats();
  private final CountDownLatch closed = new CountDownLatch(1);

  private InferenceStandIn(Options options) throws IOException {
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
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 128);
    server.createContext("/", new ApiHandler(modes, stats, json, options.latency()));
    server.createContext("/_admin/", new AdminHandler(modes, stats, json));
    server.setExecutor(executor);
    server.start();
    try {
      front = new IdleTimeoutFront(options.port(), server.getAddress(), options.idleTimeout());
    } catch (IOException e) {
      server.stop(0);
      executor.shutdownNow();
      throw e;
    }
  }

  /**
   * Starts listening on {@code port} on all interfaces, with the real service's 5 s idle timeout
   * and no added latency; 0 picks a free port.
   */
  public static InferenceStandIn start(int port) {
    return start(Options.onPort(port));
  }

  public static InferenceStandIn start(Options options) {
    try {
      return new InferenceStandIn(options);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot listen on port " + options.port(), e);
    }
  }

  public int port() {
    return front.port();
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
    front.close();
    server.stop(0);
    executor.shutdownNow();
    closed.countDown();
  }

  /**
   * Runs the stand-in until SIGTERM or Ctrl-C: {@code [--port=N] [--idle-timeout=5s]
   * [--latency=10ms..100ms]}; the port also from the environment variable {@code
   * INFERENCE_STAND_IN_PORT}, else {@value #DEFAULT_PORT}.
   */
  public static void main(String[] args) throws InterruptedException {
    InferenceStandIn standIn =
        start(StandInArgs.options(args, System.getenv("INFERENCE_STAND_IN_PORT")));
    Runtime.getRuntime().addShutdownHook(new Thread(standIn::close, "inference-stand-in-shutdown"));
    System.out.println("inference stand-in listening on " + standIn.baseUrl());
    standIn.closed.await();
  }
}
