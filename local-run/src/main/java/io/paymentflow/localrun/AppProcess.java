package io.paymentflow.localrun;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

/**
 * One of the four apps running as its own operating-system process, so that the split is as real as
 * in Kubernetes: its own JVM, its own log file, stopped with SIGTERM like a pod.
 */
public final class AppProcess implements AutoCloseable {

  /**
   * Four app JVMs share a laptop's cores with Kafka, Temporal and PostgreSQL: small heaps, a serial
   * collector, and the C1 compiler only, whose code is good enough for these I/O-bound apps and
   * costs a fraction of C2's compile time and memory. Measured with ./benchmark on 2 cores (docs/
   * benchmarks.md): p95 event to row at 50 events/s 14.9 s before, 0.2 s after; RSS of three apps
   * below 256 MiB. Images keep C2: a pod has its cores to itself and runs for days.
   */
  static final List<String> DEFAULT_JVM_OPTIONS =
      List.of(
          "-XX:+UseSerialGC",
          "-Xms32m",
          "-Xmx192m",
          "-XX:TieredStopAtLevel=1",
          "-XX:ReservedCodeCacheSize=48m",
          "-Xss512k",
          "-XX:+ExitOnOutOfMemoryError");

  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

  private final String name;
  private final int port;
  private final Path logFile;
  private final Process process;
  // Completes once the process is gone and what it left behind (a class-data archive) is in place.
  private final CompletableFuture<?> exited;
  private final long startedNanos = System.nanoTime();
  private volatile Duration timeToReady;

  private AppProcess(
      String name, int port, Path logFile, Process process, CompletableFuture<?> exited) {
    this.name = name;
    this.port = port;
    this.logFile = logFile;
    this.process = process;
    this.exited = exited;
  }

  /** The apps' JVM options: PAYMENTFLOW_APP_JAVA_OPTS if set, else {@link #DEFAULT_JVM_OPTIONS}. */
  public static List<String> jvmOptions() {
    String extra = System.getenv("PAYMENTFLOW_APP_JAVA_OPTS");
    return extra == null || extra.isBlank()
        ? DEFAULT_JVM_OPTIONS
        : List.of(extra.trim().split("\\s+"));
  }

  /** Starts {@code <root>/<module>/target/<module>-<version>.jar} with the given environment. */
  static AppProcess start(
      String module, Path repositoryRoot, int port, Map<String, String> env, Path logDirectory) {
    Path jar = appJar(repositoryRoot, module);
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmOptions());
    ClassDataSharing cds = ClassDataSharing.of(jar);
    ClassDataSharing.Launch launch = cds.prepare();
    command.addAll(launch.options());
    command.add("-jar");
    command.add(launch.jar().toString());
    try {
      Files.createDirectories(logDirectory);
      Path log = logDirectory.resolve(module + ".log");
      ProcessBuilder builder =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
      builder.environment().putAll(env);
      builder.environment().put("SERVER_PORT", Integer.toString(port));
      Process process = builder.start();
      CompletableFuture<?> exited =
          launch.recording() == null
              ? process.onExit()
              : process.onExit().thenRun(() -> cds.recorded(launch.recording()));
      return new AppProcess(module, port, log, process, exited);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start " + module, e);
    }
  }

  public static Path appJar(Path repositoryRoot, String module) {
    Path target = repositoryRoot.resolve(module).resolve("target");
    try (Stream<Path> files = Files.list(target)) {
      return files
          .filter(p -> p.getFileName().toString().matches(module + "-[0-9][^/]*\\.jar"))
          .filter(p -> !p.getFileName().toString().endsWith("-sources.jar"))
          .findFirst()
          .orElseThrow(() -> missingJar(module));
    } catch (IOException e) {
      throw missingJar(module);
    }
  }

  private static IllegalStateException missingJar(String module) {
    return new IllegalStateException(
        "no jar for " + module + ": build first with ./mvnw -B -DskipTests package");
  }

  /** Waits until {@code /actuator/health/readiness} answers 200, or fails with the log's tail. */
  public void awaitReady(Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    HttpRequest probe =
        HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + "/actuator/health/readiness"))
            .timeout(Duration.ofSeconds(2))
            .build();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException(
            name + " exited with " + process.exitValue() + "; last log lines:\n" + logTail(30));
      }
      try {
        if (HTTP.send(probe, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
          timeToReady = Duration.ofNanos(System.nanoTime() - startedNanos);
          return;
        }
      } catch (IOException e) {
        // Not listening yet.
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted waiting for " + name, e);
      }
      pause(Duration.ofMillis(250));
    }
    throw new IllegalStateException(
        name + " not ready after " + timeout + "; last log lines:\n" + logTail(30));
  }

  /** SIGTERM, as Kubernetes sends it; SIGKILL if the app outlives {@code grace}. */
  public void stop(Duration grace) {
    if (!process.isAlive()) {
      return;
    }
    process.destroy();
    try {
      if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
      exited.get(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    } catch (ExecutionException | TimeoutException e) {
      // The process is gone; only its class-data archive may be missing, which the next start
      // redoes.
    }
  }

  /** SIGKILL: a crash, for the reliability suite. */
  public void kill() {
    process.destroyForcibly();
    try {
      process.waitFor(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    stop(Duration.ofSeconds(30));
  }

  public String name() {
    return name;
  }

  public int port() {
    return port;
  }

  /** From process start to the first ready probe; null until ready. */
  public Duration timeToReady() {
    return timeToReady;
  }

  public long pid() {
    return process.pid();
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  public Path logFile() {
    return logFile;
  }

  public String logTail(int lines) {
    try (Stream<String> all = Files.lines(logFile)) {
      List<String> list = all.toList();
      return String.join("\n", list.subList(Math.max(0, list.size() - lines), list.size()));
    } catch (IOException | UncheckedIOException e) {
      return "(no log: " + e.getMessage() + ")";
    }
  }

  private static void pause(Duration d) {
    try {
      Thread.sleep(d.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
