package io.paymentflow.controlplane;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.yaml.snakeyaml.Yaml;

/** The cluster's own kubectl (built with it, so no version skew) pointed at its kubeconfig. */
final class Kubectl {

  private final Path binary;
  private final Path kubeconfig;

  Kubectl(Path binary, Path kubeconfig) {
    this.binary = binary;
    this.kubeconfig = kubeconfig;
  }

  /** Runs kubectl with these arguments and fails the test on a non-zero exit. */
  String run(String... args) {
    Result result = attempt(args);
    if (result.exitCode() != 0) {
      throw new AssertionError(
          "kubectl "
              + String.join(" ", args)
              + " exited "
              + result.exitCode()
              + ":\n"
              + result.stderr());
    }
    return result.stdout();
  }

  /** The object or list kubectl prints as JSON, as maps and lists. */
  Map<String, Object> json(String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(List.of("-o", "json"));
    // JSON is YAML: one parser for both.
    return new Yaml().load(run(all.toArray(String[]::new)));
  }

  Result attempt(String... args) {
    List<String> command =
        new ArrayList<>(List.of(binary.toString(), "--kubeconfig", kubeconfig.toString()));
    command.addAll(List.of(args));
    try {
      Path stderr = Files.createTempFile("kubectl", ".err");
      try {
        Process process = new ProcessBuilder(command).redirectError(stderr.toFile()).start();
        process.getOutputStream().close();
        // Read stdout before waiting: a full pipe would otherwise block kubectl.
        String stdout = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
          process.destroyForcibly();
          throw new AssertionError("timed out: " + command);
        }
        return new Result(process.exitValue(), stdout, Files.readString(stderr));
      } finally {
        Files.deleteIfExists(stderr);
      }
    } catch (IOException e) {
      throw new AssertionError("cannot run " + command, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted: " + command, e);
    }
  }

  record Result(int exitCode, String stdout, String stderr) {}
}
