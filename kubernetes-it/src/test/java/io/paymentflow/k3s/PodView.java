package io.paymentflow.k3s;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/** One pod as `kubectl get pods -o json` shows it, reduced to what the test looks at. */
record PodView(
    String name,
    String uid,
    String templateHash,
    int restarts,
    boolean ready,
    boolean deleting,
    List<String> waitingReasons) {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** The pods of a namespace, optionally narrowed by a label selector ({@code app=x}). */
  static List<PodView> list(K3sCluster cluster, String namespace, String selector) {
    List<String> args = new ArrayList<>(List.of("-n", namespace, "get", "pods", "-o", "json"));
    if (selector != null) {
      args.addAll(List.of("-l", selector));
    }
    return parse(cluster.kubectl(args.toArray(String[]::new)));
  }

  static List<PodView> parse(String podListJson) {
    JsonNode items;
    try {
      items = JSON.readTree(podListJson).path("items");
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
    List<PodView> pods = new ArrayList<>();
    for (JsonNode pod : items) {
      int restarts = 0;
      boolean ready = true;
      List<String> waiting = new ArrayList<>();
      for (JsonNode container : pod.path("status").path("containerStatuses")) {
        restarts += container.path("restartCount").asInt();
        ready &= container.path("ready").asBoolean();
        String reason = container.path("state").path("waiting").path("reason").asText("");
        if (!reason.isEmpty()) {
          waiting.add(reason);
        }
      }
      JsonNode metadata = pod.path("metadata");
      pods.add(
          new PodView(
              metadata.path("name").asText(),
              metadata.path("uid").asText(),
              metadata.path("labels").path("pod-template-hash").asText(""),
              restarts,
              ready && pod.path("status").has("containerStatuses"),
              metadata.has("deletionTimestamp"),
              List.copyOf(waiting)));
    }
    return pods;
  }
}
