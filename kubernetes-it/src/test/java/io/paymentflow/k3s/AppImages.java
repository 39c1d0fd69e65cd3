package io.paymentflow.k3s;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import org.awaitility.core.ConditionTimeoutException;

/**
 * The four app images, built as tars on this machine (images/build-images.sh), imported into the
 * node's containerd and tagged {@code dev}: what a user does to run the dev overlay on K3s (`k3s
 * ctr images import`, docs/deployment.md). The overlay's pods use {@code imagePullPolicy:
 * IfNotPresent}, so they start from these images without any registry.
 */
final class AppImages {

  private AppImages() {}

  static Path tar(Path root, String app) {
    return root.resolve(app).resolve("target").resolve("jib-image.tar");
  }

  static void load(K3sCluster cluster, Path root) {
    for (String app : ClusterLayout.APPS) {
      Path tar = tar(root, app);
      String built = ImageTar.normalized(builtTag(tar));
      String dev = ClusterLayout.devImage(app);
      String onNode = ClusterLayout.NODE_ROOT + "/images/" + app + ".tar";
      long start = System.nanoTime();
      cluster.copy(tar, onNode);
      cluster.run("k3s", "ctr", "-n", "k8s.io", "images", "import", onNode);
      if (!built.equals(dev)) {
        cluster.run("k3s", "ctr", "-n", "k8s.io", "images", "tag", "--force", built, dev);
      }
      awaitInImageStore(cluster, dev, tar);
      cluster.exec("rm", "-f", onNode);
      System.out.printf(
          "[k3s] image %s loaded as %s (%d s)%n",
          built, dev, (System.nanoTime() - start) / 1_000_000_000L);
    }
  }

  /**
   * Asks the CRI, as the kubelet will, for the image: a failed import fails here, with the image
   * list, rather than as ErrImageNeverPull minutes later. The CRI learns of an import through
   * containerd's events, so it may lag the import by a moment.
   */
  private static void awaitInImageStore(K3sCluster cluster, String image, Path tar) {
    try {
      await(image + " in the CRI image store")
          .atMost(Duration.ofSeconds(30))
          .pollInterval(Duration.ofSeconds(1))
          .until(() -> cluster.exec("k3s", "crictl", "inspecti", image).getExitCode() == 0);
    } catch (ConditionTimeoutException e) {
      throw new AssertionError(
          image
              + " is not in the node's image store after importing "
              + tar
              + ":\n"
              + cluster.run("k3s", "crictl", "images"),
          e);
    }
  }

  private static String builtTag(Path tar) {
    try {
      return ImageTar.repoTags(tar).get(0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
