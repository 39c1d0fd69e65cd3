package io.paymentflow.imagesmoke;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** The podman command line, as the smoke test needs it: load, run, inspect, logs, remove. */
final class Podman {

  private static final long TIMEOUT_SECONDS = 180;

  /** The runtime's launcher in every image (the base image's JAVA_HOME). */
  private static final String JAVA = "/opt/java/openjdk/bin/java";

  private Podman() {}

  /**
   * True when a podman binary answers; the smoke test skips (or fails, when required) otherwise.
   */
  static boolean available() {
    try {
      return run(List.of("podman", "--version")).exitCode() == 0;
    } catch (IllegalStateException e) {
      return false;
    }
  }

  /** Loads a docker-archive tar and returns the image name podman gave it. */
  static String load(Path tar) {
    String out = ok(List.of("podman", "load", "--quiet", "--input", tar.toString()));
    // "Loaded image: localhost/paymentflow/kafka-bridge:0.1.0-SNAPSHOT" (or "Loaded image(s): ...")
    String last = out.strip().lines().reduce((a, b) -> b).orElseThrow();
    return last.substring(last.indexOf(':') + 1).strip();
  }

  /**
   * Starts a detached container hardened the way the Kubernetes manifests run it (see {@link
   * #hardened}), under the given OCI runtime.
   */
  static void runHardened(OciRuntime runtime, String name, String image, Map<String, String> env) {
    List<String> cmd = hardened(runtime.name(), List.of("--detach", "--name", name));
    env.forEach((k, v) -> cmd.addAll(List.of("--env", k + "=" + v)));
    cmd.add(image);
    ok(cmd);
  }

  /**
   * Runs {@code java -version} from the image with exactly the flags of {@link #runHardened}: null
   * when the runtime can run it, else what podman said.
   */
  static String probe(String runtime, String image) {
    List<String> cmd = hardened(runtime, List.of("--rm", "--entrypoint", JAVA));
    cmd.addAll(List.of(image, "-version"));
    Result result = run(cmd);
    return result.exitCode() == 0
        ? null
        : "exit " + result.exitCode() + ": " + result.output().strip();
  }

  /**
   * {@code podman --runtime R run} with the pod's hardening: host network, the non-root user, a
   * read-only root filesystem with a tmpfs on /tmp, no capabilities, no privilege escalation, and a
   * memory limit so the JVM sizes its heap from it as it does in a pod.
   */
  private static List<String> hardened(String runtime, List<String> runOptions) {
    List<String> cmd = new ArrayList<>(List.of("podman", "--runtime", runtime, "run"));
    cmd.addAll(runOptions);
    cmd.addAll(List.of("--network", "host", "--read-only", "--tmpfs", "/tmp", "--user", "65532"));
    cmd.addAll(List.of("--cap-drop", "ALL", "--security-opt", "no-new-privileges"));
    cmd.addAll(List.of("--memory", "768m"));
    // Podman as root raises the open-files and process limits above what a sandbox without
    // CAP_SYS_RESOURCE may grant (runc then fails with "error setting rlimits"); ask for modest
    // ones.
    cmd.addAll(List.of("--ulimit", "nofile=8192:8192", "--ulimit", "nproc=4096:4096"));
    return cmd;
  }

  /** `podman inspect --format` on a container or (with {@code image}) an image. */
  static String inspect(String target, String format, boolean image) {
    List<String> cmd = new ArrayList<>(List.of("podman"));
    cmd.addAll(image ? List.of("image", "inspect") : List.of("inspect"));
    cmd.addAll(List.of("--format", format, target));
    return ok(cmd).strip();
  }

  static void saveLogs(String name, Path file) throws IOException {
    Files.createDirectories(file.getParent());
    Files.writeString(file, run(List.of("podman", "logs", name)).output());
  }

  static void remove(String name) {
    run(List.of("podman", "rm", "--force", "--time", "10", name));
  }

  static void removeImage(String image) {
    run(List.of("podman", "rmi", image));
  }

  private static String ok(List<String> cmd) {
    Result result = run(cmd);
    if (result.exitCode() != 0) {
      throw new IllegalStateException(
          String.join(" ", cmd) + " exited " + result.exitCode() + ": " + result.output());
    }
    return result.output();
  }

  private static Result run(List<String> cmd) {
    try {
      Process process = new ProcessBuilder(cmd).redirectErrorStream(true).start();
      process.getOutputStream().close();
      byte[] out = process.getInputStream().readAllBytes();
      if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new IllegalStateException(String.join(" ", cmd) + " timed out");
      }
      return new Result(process.exitValue(), new String(out, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new IllegalStateException("cannot run " + cmd.get(0) + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted: " + String.join(" ", cmd), e);
    }
  }

  private record Result(int exitCode, String output) {}
}
