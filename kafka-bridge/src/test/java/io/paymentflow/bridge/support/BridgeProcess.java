package io.paymentflow.bridge.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The packaged bridge (target/kafka-bridge-*.jar, what the image runs) as a process of its own,
 * with the image's JVM flags on the pod's memory limit: for what only a JVM of its own can show,
 * such as whether its heap holds. Runs in the integration-test phase, after {@code package}.
 */
public final class BridgeProcess implements AutoCloseable {

  /**
   * The image's JVM flags (the root pom's jib {@code jvmFlags}) and the base deployment's limits
   * (384Mi, one CPU): {@code MaxRAM} stands in for the container's memory limit, so the heap is 75
   * % of it, 288 MiB, and the JVM picks the collector it would pick in the pod.
   */
  public static final List<String> POD_JVM_FLAGS =
      List.of(
          "-XX:MaxRAM=384m",
          "-XX:InitialRAMPercentage=50",
          "-XX:MaxRAMPercentage=75",
          "-XX:ActiveProcessorCount=1",
          "-XX:+ExitOnOutOfMemoryError");

  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

  private final Process process;
  private final Path log;
  private final int port;

  private BridgeProcess(Process process, Path log, int port) {
    this.process = process;
    this.log = log;
    this.port = port;
  }

  /**
   * @param name names the log file, target/bridge-process-{name}.log
   * @param jvmFlags before {@code -jar}
   * @param args Spring arguments ({@code --key=value}), after the jar
   */
  public static BridgeProcess start(String name, List<String> jvmFlags, List<String> args) {
    int port = freePort();
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmFlags);
    command.add("-jar");
    command.add(jar().toString());
    command.add("--server.port=" + port);
    command.addAll(args);
    Path log = Path.of("target", "bridge-process-" + name + ".log").toAbsolutePath();
    try {
      Files.deleteIfExists(log);
      Process process =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
              .start();
      return new BridgeProcess(process, log, port);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the bridge", e);
    }
  }

  public boolean alive() {
    return process.isAlive();
  }

  /** The HTTP status of {@code /actuator/health/liveness}, or -1 when nothing answers. */
  public int liveness() {
    return status("/actuator/health/liveness");
  }

  public int readiness() {
    return status("/actuator/health/readiness");
  }

  public String prometheus() throws IOException, InterruptedException {
    return HTTP.send(get("/actuator/prometheus"), HttpResponse.BodyHandlers.ofString()).body();
  }

  public Path logFile() {
    return log;
  }

  public String logText() {
    try {
      return Files.readString(log, StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "";
    }
  }

  /** The log's last lines, for a failure message. */
  public String logTail(int lines) {
    List<String> all = logText().lines().toList();
    return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
  }

  /** SIGTERM, as Kubernetes sends it, then SIGKILL if it is still there after 30 s. */
  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
  }

  private int status(String path) {
    try {
      return HTTP.send(get(path), HttpResponse.BodyHandlers.discarding()).statusCode();
    } catch (IOException e) {
      return -1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return -1;
    }
  }

  private HttpRequest get(String path) {
    return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
        .timeout(Duration.ofSeconds(5))
        .build();
  }

  private static Path jar() {
    try (Stream<Path> files = Files.list(Path.of("target"))) {
      return files
          .filter(p -> p.getFileName().toString().matches("kafka-bridge-[0-9].*\\.jar"))
          .filter(p -> !p.getFileName().toString().endsWith("-sources.jar"))
          .findFirst()
          .orElseThrow(() -> new IllegalStateException("no bridge jar: run the package phase"))
          .toAbsolutePath();
    } catch (IOException e) {
      throw new UncheckedIOException("no bridge jar: run the package phase", e);
    }
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
