package io.paymentflow.imagesmoke;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** A started container of one app, and what the test reads of it from the outside. */
record RunningContainer(SmokeApp app, String image, String name, int serverPort) {

  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  boolean running() {
    return Boolean.parseBoolean(Podman.inspect(name, "{{.State.Running}}", false));
  }

  /** HTTP status of an actuator health group (readiness, liveness); -1 while nothing listens. */
  int health(String group) {
    HttpRequest request =
        HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + serverPort + "/actuator/health/" + group))
            .timeout(Duration.ofSeconds(5))
            .build();
    try {
      return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    } catch (IOException e) {
      return -1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return -1;
    }
  }

  /**
   * Lines of the container's main process as the kernel sees them (/proc/PID/status), from the
   * host: what the process really runs as, whatever the image or the flags claim.
   */
  List<String> processStatus() throws IOException {
    return Files.readAllLines(procFile("status"));
  }

  /** The mount options of the container's root filesystem, from the process's own mount table. */
  String rootMountOptions() throws IOException {
    return Files.readAllLines(procFile("mountinfo")).stream()
        .map(line -> line.split(" "))
        .filter(fields -> fields[4].equals("/"))
        .map(fields -> fields[5])
        .reduce((first, last) -> last) // the last mount on "/" is the one in effect
        .orElseThrow(() -> new IllegalStateException("no root mount for " + name));
  }

  private Path procFile(String file) {
    String pid = Podman.inspect(name, "{{.State.Pid}}", false);
    return Path.of("/proc", pid, file);
  }
}
