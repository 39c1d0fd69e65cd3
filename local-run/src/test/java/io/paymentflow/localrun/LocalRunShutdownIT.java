package io.paymentflow.localrun;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Ctrl-C on {@code run-local} leaves no process behind and frees every port it used. */
class LocalRunShutdownIT {

  private static final Pattern PORT = Pattern.compile("(?:localhost|127\\.0\\.0\\.1):(\\d{2,5})");

  @Test
  void interruptStopsEveryProcessAndFreesItsPorts() throws Exception {
    Path jar = Path.of("target").toAbsolutePath().resolve(execJarName());
    ProcessBuilder builder =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar",
                jar.toString(),
                "--events=0",
                "--ephemeral-ports")
            .redirectErrorStream(true);
    builder.environment().put("PAYMENTFLOW_HOME", "..");
    Process localRun = builder.start();
    List<Integer> ports = new ArrayList<>();
    CompletableFuture<Void> up = new CompletableFuture<>();
    Thread reader =
        new Thread(
            () -> {
              try (BufferedReader lines =
                  new BufferedReader(
                      new InputStreamReader(localRun.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = lines.readLine()) != null; ) {
                  System.out.println("[run-local] " + line);
                  Matcher m = PORT.matcher(line);
                  while (m.find()) {
                    synchronized (ports) {
                      ports.add(Integer.parseInt(m.group(1)));
                    }
                  }
                  if (line.contains("paymentflow is up.")) {
                    up.complete(null);
                  }
                }
              } catch (IOException e) {
                up.completeExceptionally(e);
              }
              up.completeExceptionally(new IllegalStateException("run-local exited before ready"));
            });
    reader.start();
    try {
      up.get(4, TimeUnit.MINUTES);
      List<ProcessHandle> children = localRun.toHandle().descendants().toList();
      assertThat(children).hasSize(4);

      // Ctrl-C's SIGINT and SIGTERM run the same shutdown hook. SIGTERM, because a build that was
      // itself started in the background inherits SIGINT as ignored, and a JVM then never sees it.
      Runtime.getRuntime().exec(new String[] {"kill", "-TERM", Long.toString(localRun.pid())});

      assertThat(localRun.waitFor(2, TimeUnit.MINUTES))
          .as("run-local exits on a shutdown signal")
          .isTrue();
      await()
          .atMost(Duration.ofSeconds(30))
          .untilAsserted(() -> assertThat(children).noneMatch(ProcessHandle::isAlive));
      List<Integer> used;
      synchronized (ports) {
        used = List.copyOf(ports);
      }
      // Kafka, Temporal, inference stand-in and the four apps, PostgreSQL excepted (not ours).
      assertThat(used).hasSizeGreaterThanOrEqualTo(7);
      for (int port : used) {
        if (port != 5432) {
          await()
              .atMost(Duration.ofSeconds(30))
              .untilAsserted(() -> assertThat(isFree(port)).as("port %d is free", port).isTrue());
        }
      }
    } finally {
      localRun.descendants().forEach(ProcessHandle::destroyForcibly);
      localRun.destroyForcibly();
    }
  }

  private static String execJarName() throws IOException {
    try (var files = java.nio.file.Files.list(Path.of("target"))) {
      return files
          .map(f -> f.getFileName().toString())
          .filter(name -> name.startsWith("local-run-") && name.endsWith("-exec.jar"))
          .findFirst()
          .orElseThrow(
              () -> new IllegalStateException("run mvn package first: no local-run exec jar"));
    }
  }

  private static boolean isFree(int port) {
    try (ServerSocket socket = new ServerSocket(port)) {
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}
