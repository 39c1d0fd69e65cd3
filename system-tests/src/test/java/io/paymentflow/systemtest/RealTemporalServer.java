package io.paymentflow.systemtest;

import io.temporal.api.workflowservice.v1.DescribeNamespaceRequest;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The real Temporal server of {@code tools/temporal-server} (built from the Go module proxy) as a
 * process of its own, which a scenario can kill and start again on the same data. The suite prefers
 * it to the in-JVM test server: it is what production runs. Its persistence is a SQLite file under
 * the data directory unless the environment given to {@link #start(Path, Map)} chooses PostgreSQL
 * ({@code TEMPORAL_PF_STORE=postgres}, see tools/temporal-server/README.md).
 */
final class RealTemporalServer implements AutoCloseable {

  private static final Path TOOLS = Path.of("..", "tools", "temporal-server").toAbsolutePath();

  /**
   * The suite's server has a shorter id limit than Temporal's default, as an operator may set it,
   * so that the bridge meets a start the server refuses for good ({@code StartRejectedIT}).
   */
  static final int MAX_ID_LENGTH = 200;

  private static final Path DYNAMIC_CONFIG =
      Path.of("src", "test", "resources", "temporal-dynamicconfig.yaml").toAbsolutePath();

  private final Path data;
  private final int basePort;
  private final Map<String, String> environment;
  private Process process;

  private RealTemporalServer(Path data, int basePort, Map<String, String> environment) {
    this.data = data;
    this.basePort = basePort;
    this.environment = Map.copyOf(environment);
  }

  /** Whether {@code tools/temporal-server/build.sh} has built the server on this machine. */
  static boolean available() {
    try {
      Process check =
          new ProcessBuilder(TOOLS.resolve("build.sh").toString(), "--check")
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.DISCARD)
              .start();
      return check.waitFor(30, TimeUnit.SECONDS) && check.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** Starts a server on nine free ports from a base, retrying another base if one is taken. */
  static RealTemporalServer start(Path data) {
    return start(data, Map.of());
  }

  /** The same, with {@code run.sh}'s variables ({@code TEMPORAL_PF_*}) set as given. */
  static RealTemporalServer start(Path data, Map<String, String> environment) {
    IllegalStateException last = null;
    for (int attempt = 0; attempt < 5; attempt++) {
      RealTemporalServer server = new RealTemporalServer(data, freeBlock(), environment);
      try {
        server.startProcess();
        return server;
      } catch (IllegalStateException e) {
        server.kill();
        last = e;
      }
    }
    throw last;
  }

  String target() {
    return "127.0.0.1:" + basePort;
  }

  /** SIGKILL: the server dies with whatever it had in flight. */
  void kill() {
    if (process != null) {
      process.destroyForcibly();
      try {
        process.waitFor(30, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** Starts the server again on the same data and ports, and waits until it serves. */
  void restart() {
    startProcess();
  }

  private void startProcess() {
    try {
      Files.createDirectories(data);
      ProcessBuilder server =
          new ProcessBuilder(
              TOOLS.resolve("run.sh").toString(), data.toString(), Integer.toString(basePort));
      server.environment().put("TEMPORAL_PF_DYNAMIC_CONFIG", DYNAMIC_CONFIG.toString());
      server.environment().putAll(environment);
      process =
          server
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.appendTo(log().toFile()))
              .start();
    } catch (IOException e) {
      throw new IllegalStateException("cannot start the Temporal server", e);
    }
    awaitServing(Duration.ofMinutes(1));
  }

  private void awaitServing(Duration timeout) {
    WorkflowServiceStubs stubs =
        WorkflowServiceStubs.newServiceStubs(
            WorkflowServiceStubsOptions.newBuilder().setTarget(target()).build());
    try {
      long deadline = System.nanoTime() + timeout.toNanos();
      while (System.nanoTime() < deadline) {
        if (!process.isAlive()) {
          throw new IllegalStateException(
              "Temporal server exited with " + process.exitValue() + "; log ends:\n" + logTail());
        }
        try {
          stubs
              .blockingStub()
              .withDeadlineAfter(2, TimeUnit.SECONDS)
              .describeNamespace(
                  DescribeNamespaceRequest.newBuilder().setNamespace("default").build());
          return;
        } catch (RuntimeException notYet) {
          TimeUnit.MILLISECONDS.sleep(250);
        }
      }
      throw new IllegalStateException("Temporal server not serving after " + timeout);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } finally {
      stubs.shutdownNow();
    }
  }

  private Path log() {
    return data.resolveSibling(data.getFileName() + "-server.log");
  }

  private String logTail() {
    try {
      List<String> lines = Files.readAllLines(log());
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
    } catch (IOException e) {
      return "(no log: " + e.getMessage() + ")";
    }
  }

  /**
   * A block of nine free ports below 32768, for either store: Temporal's PostgreSQL schema keeps
   * each member's port in a {@code smallint} ({@code cluster_membership.rpc_port}), so a server on
   * an ephemeral port (Linux hands them out from 32768) could not register itself there.
   */
  private static int freeBlock() {
    var random = java.util.concurrent.ThreadLocalRandom.current();
    for (int attempt = 0; attempt < 50; attempt++) {
      int base = random.nextInt(20_000, 32_767 - 8);
      if (allFree(base, 9)) {
        return base;
      }
    }
    throw new IllegalStateException("no block of nine free ports below 32768");
  }

  private static boolean allFree(int base, int count) {
    for (int port = base; port < base + count; port++) {
      try (ServerSocket socket = new ServerSocket(port)) {
        socket.setReuseAddress(true);
      } catch (IOException taken) {
        return false;
      }
    }
    return true;
  }

  @Override
  public void close() {
    if (process != null && process.isAlive()) {
      process.destroy();
      try {
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
          kill();
        }
      } catch (InterruptedException e) {
        kill();
        Thread.currentThread().interrupt();
      }
    }
  }
}
