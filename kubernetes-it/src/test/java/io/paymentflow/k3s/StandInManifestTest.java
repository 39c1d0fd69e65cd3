package io.paymentflow.k3s;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The inference service's pod command, run on this machine against the classpath laid out the way
 * the K3s test copies it onto the node: proves the layout is complete and the command starts a
 * stand-in that answers its health check, which is the pod's readiness probe.
 */
class StandInManifestTest {

  @Test
  void podCommandServesHealthFromTheCopiedClasspath(@TempDir Path mounted) throws Exception {
    K8sObject deployment = deployment();
    layOut(mounted);
    int port = freePort();
    List<String> command = new ArrayList<>();
    for (Object part : K8sObject.asList(deployment.container().get("command"))) {
      command.add(
          String.valueOf(part)
              .replace(ClusterLayout.STAND_IN_IN_POD, mounted.toString())
              .replace("--port=8002", "--port=" + port));
    }
    assertThat(command.get(0)).isEqualTo("java");
    command.set(0, Path.of(System.getProperty("java.home"), "bin", "java").toString());
    Process standIn = new ProcessBuilder(command).redirectErrorStream(true).start();
    try {
      HttpClient http = HttpClient.newHttpClient();
      HttpRequest health =
          HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/health")).build();
      await("the stand-in's /health")
          .atMost(Duration.ofSeconds(30))
          .ignoreExceptions()
          .failFast("the stand-in exited", () -> !standIn.isAlive())
          .until(() -> http.send(health, HttpResponse.BodyHandlers.ofString()).statusCode() == 200);
    } finally {
      standIn.destroy();
      standIn.waitFor();
    }
  }

  @Test
  void podMountsTheFolderTheTestCopiesTheClasspathTo() {
    K8sObject deployment = deployment();
    assertThat(deployment.list("spec", "template", "spec", "volumes"))
        .anySatisfy(
            volume ->
                assertThat(K8sObject.at(volume, "hostPath", "path"))
                    .isEqualTo(ClusterLayout.STAND_IN_ON_NODE));
    assertThat(K8sObject.asList(deployment.container().get("volumeMounts")))
        .anySatisfy(
            mount ->
                assertThat(K8sObject.at(mount, "mountPath"))
                    .isEqualTo(ClusterLayout.STAND_IN_IN_POD));
  }

  private static K8sObject deployment() {
    Path file =
        K3sSettings.root()
            .resolve(ClusterLayout.DEPENDENCIES_DIR)
            .resolve("inference-service.yaml");
    try {
      return Rendered.parse(file.toString(), Files.readString(file))
          .one("Deployment", "inference", "inference-service");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** What {@link StandInClasspath#copyTo} does on the node, done in a local folder. */
  private static void layOut(Path folder) throws IOException {
    for (var part : StandInClasspath.layout().entrySet()) {
      Path target = folder.resolve(part.getValue());
      try (Stream<Path> files = Files.walk(part.getKey())) {
        for (Path source : files.toList()) {
          Path copy = target.resolve(part.getKey().relativize(source).toString());
          Files.createDirectories(Files.isDirectory(source) ? copy : copy.getParent());
          if (!Files.isDirectory(source)) {
            Files.copy(source, copy);
          }
        }
      }
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
