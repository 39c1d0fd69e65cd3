package io.paymentflow.k3s;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.testcontainers.containers.Container.ExecResult;

/**
 * Saves what explains a run, passed or failed, before the cluster goes: every object, the events,
 * each pod's description and log (and its previous log after a restart), and K3s's own log. Never
 * throws: it runs after failures and must not hide them.
 */
final class Diagnostics {

  private Diagnostics() {}

  static void save(K3sCluster cluster, Path logs) {
    try {
      Files.createDirectories(logs);
      write(logs.resolve("k3s-server.log"), cluster.serverLog());
      write(
          logs.resolve("cluster.txt"),
          output(cluster, "kubectl", "get", "all,hpa,networkpolicy,pdb", "-A", "-o", "wide"));
      write(
          logs.resolve("events.txt"),
          output(cluster, "kubectl", "get", "events", "-A", "--sort-by=.lastTimestamp"));
      List<String> namespaces = new ArrayList<>(ClusterLayout.DEPENDENCY_NAMESPACES);
      namespaces.add(ClusterLayout.APPS_NAMESPACE);
      for (String namespace : namespaces) {
        savePods(cluster, namespace, logs.resolve(namespace));
      }
      System.out.println("[k3s] cluster state and pod logs saved in " + logs);
    } catch (IOException | RuntimeException e) {
      System.out.println("[k3s] could not save all diagnostics: " + e);
    }
  }

  /** A pod's log while it still exists (the bridge's old pod, before its deletion completes). */
  static void savePodLog(K3sCluster cluster, String namespace, String pod, Path file) {
    try {
      Files.createDirectories(file.getParent());
      write(file, output(cluster, "kubectl", "-n", namespace, "logs", pod, "--all-containers"));
    } catch (IOException | RuntimeException e) {
      System.out.println("[k3s] could not save the log of " + pod + ": " + e);
    }
  }

  private static void savePods(K3sCluster cluster, String namespace, Path dir) throws IOException {
    Files.createDirectories(dir);
    write(
        dir.resolve("describe.txt"),
        output(cluster, "kubectl", "-n", namespace, "describe", "pods"));
    for (PodView pod : PodView.list(cluster, namespace, null)) {
      write(
          dir.resolve(pod.name() + ".log"),
          output(cluster, "kubectl", "-n", namespace, "logs", pod.name(), "--all-containers"));
      if (pod.restarts() > 0) {
        write(
            dir.resolve(pod.name() + ".previous.log"),
            output(
                cluster,
                "kubectl",
                "-n",
                namespace,
                "logs",
                pod.name(),
                "--all-containers",
                "--previous"));
      }
    }
  }

  private static String output(K3sCluster cluster, String... command) {
    ExecResult result = cluster.exec(command);
    return result.getStdout() + result.getStderr();
  }

  private static void write(Path file, String content) throws IOException {
    Files.writeString(file, content);
  }
}
