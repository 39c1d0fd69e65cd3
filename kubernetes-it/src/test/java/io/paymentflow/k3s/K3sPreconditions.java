package io.paymentflow.k3s;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.testcontainers.DockerClientFactory;

/**
 * What a run needs before it starts K3s. Missing, the test skips with the reason, or fails when
 * k3s.required is set (on a machine that is meant to run it).
 */
final class K3sPreconditions {

  private K3sPreconditions() {}

  static void check() {
    precondition(
        dockerAvailable(),
        "no Docker engine found (K3s runs in a privileged container);"
            + " see kubernetes-it/README.md to run it where Docker is");
    List<Path> missing =
        ClusterLayout.APPS.stream()
            .map(app -> AppImages.tar(K3sSettings.root(), app))
            .filter(Files::notExists)
            .toList();
    precondition(missing.isEmpty(), "no image tar " + missing + ": run images/build-images.sh");
  }

  private static boolean dockerAvailable() {
    try {
      return DockerClientFactory.instance().isDockerAvailable();
    } catch (RuntimeException e) {
      return false;
    }
  }

  private static void precondition(boolean met, String reason) {
    if (K3sSettings.required()) {
      Assertions.assertTrue(met, "k3s.required is set, but " + reason);
    } else if (!met) {
      // Printed as well: Failsafe's summary shows only the count of skipped tests.
      String message = "K3sDeploymentIT skipped: " + reason;
      System.out.println(message);
      Assumptions.abort(message);
    }
  }
}
