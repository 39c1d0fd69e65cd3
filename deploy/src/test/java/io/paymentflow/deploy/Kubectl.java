package io.paymentflow.deploy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the kustomize built into kubectl, the same one `kubectl apply -k` uses. */
final class Kubectl {

  static final String MISSING = "kubectl not found on PATH: skipping Kustomize render tests";

  private Kubectl() {}

  static boolean available() {
    try {
      return run(List.of("kubectl", "version", "--client")).exitCode() == 0;
    } catch (IOException e) {
      return false;
    }
  }

  /** The rendered multi-document YAML; fails with kustomize's own message when the build fails. */
  static String kustomize(Path dir) throws IOException {
    Result result = run(List.of("kubectl", "kustomize", dir.toString()));
    if (result.exitCode() != 0) {
      throw new AssertionError("kubectl kustomize " + dir + " failed:\n" + result.stderr());
    }
    return result.stdout();
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
