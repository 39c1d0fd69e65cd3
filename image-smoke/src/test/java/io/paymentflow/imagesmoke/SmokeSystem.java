package io.paymentflow.imagesmoke;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * The four images running under podman against the smoke dependencies, started once for the test
 * class. Preconditions (podman, the tars) skip the tests, or fail them when image.smoke.required is
 * set (CI). A failed start is remembered, so every test reports it rather than retrying it.
 */
final class SmokeSystem {

  private static final Path ROOT =
      Path.of(System.getProperty("image.smoke.root", "..")).normalize();
  private static final Path LOGS = Path.of(System.getProperty("image.smoke.logs", "target/logs"));

  static final SmokeDatabase DB = SmokeDatabase.fromEnvironment();

  private static final List<String> images = new ArrayList<>();
  private static final List<RunningContainer> containers = new ArrayList<>();
  private static OciRuntime runtime;
  private static SmokeDependencies deps;
  private static RuntimeException startFailure;

  private SmokeSystem() {}

  /** The dependencies, with the four containers ready; starts them on the first call. */
  static synchronized SmokeDependencies started() {
    precondition(Podman.available(), "podman is not installed (apt-get install podman runc)");
    List<Path> missing =
        SmokeApp.ALL.stream().map(app -> app.tar(ROOT)).filter(Files::notExists).toList();
    precondition(missing.isEmpty(), "no image tar " + missing + ": run images/build-images.sh");
    if (startFailure != null) {
      throw startFailure;
    }
    if (deps == null) {
      try {
        start();
      } catch (RuntimeException e) {
        startFailure = e;
        throw e;
      }
    }
    return deps;
  }

  /** The OCI runtime the containers run under, and why the other candidates were not used. */
  static OciRuntime runtime() {
    return runtime;
  }

  static List<RunningContainer> containers() {
    return List.copyOf(containers);
  }

  /** Saves each container's log, removes containers and their images, stops the dependencies. */
  static synchronized void stop() throws Exception {
    for (RunningContainer container : containers) {
      Podman.saveLogs(container.name(), LOGS.resolve(container.app().module() + ".log"));
      Podman.remove(container.name());
    }
    containers.clear();
    // Each run loads afresh: leaving images behind would pile up untagged ones on every rebuild.
    images.forEach(Podman::removeImage);
    images.clear();
    if (deps != null) {
      deps.close();
    }
  }

  private static void start() {
    SmokeApp.ALL.forEach(app -> images.add(Podman.load(app.tar(ROOT))));
    runtime = OciRuntime.select(images.get(0));
    report(runtime.describe());
    precondition(runtime.found(), runtime.describe());
    deps = new SmokeDependencies().start();
    String suffix = UUID.randomUUID().toString().substring(0, 8);
    for (int i = 0; i < SmokeApp.ALL.size(); i++) {
      SmokeApp app = SmokeApp.ALL.get(i);
      int port = SmokeDependencies.freePort();
      String name = "pf-smoke-" + app.module() + "-" + suffix;
      containers.add(new RunningContainer(app, images.get(i), name, port));
      Podman.runHardened(runtime, name, images.get(i), app.environment(deps, DB, port));
    }
    for (RunningContainer container : containers) {
      await(container.app().module() + " ready")
          .atMost(Duration.ofMinutes(4))
          .pollInterval(Duration.ofSeconds(2))
          .failFast(container.name() + " exited; its log is in " + LOGS, () -> !container.running())
          .until(() -> container.health("readiness") == 200);
    }
  }

  /** To the test's output and to a file beside the container logs, where CI prints it from. */
  private static void report(String line) {
    System.out.println("image smoke: " + line);
    try {
      Files.createDirectories(LOGS);
      Files.writeString(LOGS.resolve("oci-runtime.txt"), line + System.lineSeparator());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void precondition(boolean met, String message) {
    if (Boolean.getBoolean("image.smoke.required")) {
      Assertions.assertTrue(met, "image.smoke.required is set, but " + message);
    } else {
      Assumptions.assumeTrue(met, "image smoke check skipped: " + message);
    }
  }
}
