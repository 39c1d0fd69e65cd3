package io.paymentflow.controlplane;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** What the node's kubelet reports about the pods of one namespace. */
final class NodePods {

  private NodePods() {}

  /** Pods whose Ready condition is True: every probe of theirs answers. */
  static int ready(Kubectl kubectl, String namespace) {
    int ready = 0;
    for (Map<String, Object> pod : Workloads.items(kubectl.json("-n", namespace, "get", "pods"))) {
      for (Object condition : conditions(pod)) {
        Map<String, Object> c = Workloads.map(condition);
        if ("Ready".equals(c.get("type")) && "True".equals(c.get("status"))) {
          ready++;
        }
      }
    }
    return ready;
  }

  /** Container restarts per pod name: a crash or a failed liveness probe counts one. */
  static Map<String, Integer> restarts(Kubectl kubectl, String namespace) {
    Map<String, Integer> restarts = new TreeMap<>();
    for (Map<String, Object> pod : Workloads.items(kubectl.json("-n", namespace, "get", "pods"))) {
      int count = 0;
      Object statuses = Workloads.map(pod.get("status")).get("containerStatuses");
      if (statuses instanceof List<?> list) {
        for (Object status : list) {
          count += ((Number) Workloads.map(status).get("restartCount")).intValue();
        }
      }
      restarts.put(Workloads.name(pod), count);
    }
    return restarts;
  }

  /** Each pod's log (and its previous container's), the pods' descriptions and the events. */
  static void saveDiagnostics(Kubectl kubectl, String namespace, Path dir) {
    try {
      Files.createDirectories(dir);
      // Only this run's pods: a directory kept from an earlier run would mix in theirs.
      try (Stream<Path> old = Files.list(dir)) {
        for (Path file : old.toList()) {
          Files.delete(file);
        }
      }
      Files.writeString(
          dir.resolve("pods.txt"), kubectl.attempt("-n", namespace, "describe", "pods").stdout());
      Files.writeString(
          dir.resolve("events.txt"),
          kubectl.attempt("-n", namespace, "get", "events", "--sort-by=.lastTimestamp").stdout());
      for (Map<String, Object> pod :
          Workloads.items(kubectl.json("-n", namespace, "get", "pods"))) {
        String name = Workloads.name(pod);
        Files.writeString(
            dir.resolve(name + ".log"), kubectl.attempt("-n", namespace, "logs", name).stdout());
        Kubectl.Result previous = kubectl.attempt("-n", namespace, "logs", "--previous", name);
        if (previous.exitCode() == 0) {
          Files.writeString(dir.resolve(name + ".previous.log"), previous.stdout());
        }
      }
      System.out.println("[node] pod logs, descriptions and events in " + dir.toAbsolutePath());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (RuntimeException | AssertionError e) {
      System.err.println("[node] could not save the diagnostics: " + e);
    }
  }

  private static List<?> conditions(Map<String, Object> pod) {
    Object conditions = Workloads.map(pod.get("status")).get("conditions");
    return conditions instanceof List<?> list ? list : List.of();
  }
}
