package io.paymentflow.controlplane;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * The single-node control plane of tools/kubernetes, started fresh for one test class and stopped
 * after it. Its state (certificates, etcd, each component's log) is under target/controlplane.
 */
final class ControlPlane {

  /** The node's name (tools/kubernetes/paths.sh). */
  static final String NODE_NAME = "paymentflow-node";

  /** What start.sh prints when this machine cannot run the node. */
  private static final String NO_NODE = "[kubernetes] no node: ";

  private final Path root;
  private final Map<String, String> environment;
  private final Kubectl kubectl;
  private final Optional<String> nodeMissing;

  private ControlPlane(
      Path root, Map<String, String> environment, Kubectl kubectl, Optional<String> nodeMissing) {
    this.root = root;
    this.environment = environment;
    this.kubectl = kubectl;
    this.nodeMissing = nodeMissing;
  }

  /** The repository root (the pom passes maven.multiModuleProjectDirectory). */
  static Path root() {
    return Path.of(System.getProperty("controlplane.root", "..")).toAbsolutePath().normalize();
  }

  /**
   * Starts the cluster, or skips the test with the reason when it is not built (fails instead when
   * controlplane.required is set, on a machine meant to run it).
   */
  static ControlPlane start() {
    Path root = root();
    Map<String, String> environment =
        Map.of("PAYMENTFLOW_KUBE_DIR", Path.of("target/controlplane").toAbsolutePath().toString());
    Path build = root.resolve("tools/kubernetes/build.sh");
    if (script(environment, build.toString(), "--check").exitCode() != 0) {
      String reason =
          "the Kubernetes control plane is not built: run tools/kubernetes/build.sh (needs Go and"
              + " ~20 min cold), or tools/kubernetes/verify.sh";
      if (Boolean.getBoolean("controlplane.required")) {
        Assertions.fail("controlplane.required is set, but " + reason);
      }
      // Printed as well: Failsafe's summary shows only the count of skipped tests.
      System.out.println("ControlPlaneDeploymentIT skipped: " + reason);
      Assumptions.abort(reason);
    }
    Path bin = Path.of(script(environment, build.toString(), "--print-path").lastLine());
    Run started =
        script(environment, root.resolve("tools/kubernetes/start.sh").toString(), "--fresh");
    if (started.exitCode() != 0) {
      throw new AssertionError("tools/kubernetes/start.sh failed:\n" + started.output());
    }
    System.out.print(started.output());
    Optional<String> nodeMissing =
        started
            .output()
            .lines()
            .filter(line -> line.startsWith(NO_NODE))
            .map(line -> line.substring(NO_NODE.length()))
            .findFirst();
    return new ControlPlane(
        root,
        environment,
        new Kubectl(bin.resolve("kubectl"), Path.of(started.lastLine())),
        nodeMissing);
  }

  /**
   * Why start.sh could not start the node (containerd, runc, CNI plugins, root), if it could not.
   */
  Optional<String> nodeMissing() {
    return nodeMissing;
  }

  /**
   * Makes the four image tars available to the node's containerd (tools/kubernetes/load-images.sh,
   * which builds them first when one is missing).
   */
  void loadImages() {
    Run loaded =
        script(
            environment,
            Duration.ofMinutes(20),
            root.resolve("tools/kubernetes/load-images.sh").toString());
    System.out.print(loaded.output());
    if (loaded.exitCode() != 0) {
      throw new AssertionError("tools/kubernetes/load-images.sh failed:\n" + loaded.output());
    }
  }

  Kubectl kubectl() {
    return kubectl;
  }

  /** The CRDs build.sh fetched for the monitoring and keda components. */
  Path crds() {
    Path build = root.resolve("tools/kubernetes/build.sh");
    return Path.of(script(environment, build.toString(), "--print-path").lastLine())
        .resolveSibling("crds");
  }

  void stop() {
    Run stopped = script(environment, root.resolve("tools/kubernetes/stop.sh").toString());
    System.out.print(stopped.output());
  }

  private static Run script(Map<String, String> environment, String... command) {
    return script(environment, Duration.ofMinutes(3), command);
  }

  private static Run script(Map<String, String> environment, Duration timeout, String... command) {
    List<String> line = new ArrayList<>(List.of("bash"));
    line.addAll(List.of(command));
    ProcessBuilder builder = new ProcessBuilder(line).redirectErrorStream(true);
    builder.environment().putAll(environment);
    try {
      Process process = builder.start();
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new AssertionError("timed out: " + line);
      }
      return new Run(process.exitValue(), output);
    } catch (IOException e) {
      throw new AssertionError("cannot run " + line, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted: " + line, e);
    }
  }

  private record Run(int exitCode, String output) {
    String lastLine() {
      String[] lines = output.strip().split("\n");
      return lines[lines.length - 1].strip();
    }
  }
}
