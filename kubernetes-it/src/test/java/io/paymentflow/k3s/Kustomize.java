package io.paymentflow.k3s;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * This machine's `kubectl kustomize`: the same kustomize the K3s node's `kubectl apply -k` runs, so
 * the render tests see what the cluster would get, without a cluster.
 */
final class Kustomize {

  static final String MISSING = "kubectl not found on PATH: skipping the K3s manifest render tests";

  private Kustomize() {}

  static boolean available() {
    try {
      return run(List.of("kubectl", "version", "--client")).exitCode() == 0;
    } catch (IOException e) {
      return false;
    }
  }

  static Rendered render(Path dir) {
    try {
      Result result = run(List.of("kubectl", "kustomize", dir.toString()));
      if (result.exitCode() != 0) {
        throw new AssertionError("kubectl kustomize " + dir + " failed:\n" + result.stderr());
      }
      return Rendered.parse(dir.toString(), result.stdout());
    } catch (IOException e) {
      throw new AssertionError("cannot run kubectl kustomize " + dir, e);
    }
  }

  private static Result run(List<String> command) throws IOException {
    Path stderr = Files.createTempFile("kubectl", ".err");
    try {
      Process process = new ProcessBuilder(command).redirectError(stderr.toFile()).start();
      // Read stdout before waiting: a full pipe would otherwise block kubectl.
      String stdout = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new AssertionError("timed out: " + command);
      }
      return new Result(process.exitValue(), stdout, Files.readString(stderr));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted: " + command, e);
    } finally {
      Files.deleteIfExists(stderr);
    }
  }

  private record Result(int exitCode, String stdout, String stderr) {}
}
