package io.paymentflow.k3s;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Waits until every Deployment of a namespace has all its replicas updated and available, printing
 * a status line whenever it changes (a cold cluster pulls images for minutes). Errors that never
 * heal fail at once with their reason instead of at the timeout.
 */
final class Deployments {

  /** Waiting reasons that retrying does not cure: a missing image, a missing Secret or key. */
  private static final Set<String> PERMANENT =
      Set.of("ErrImageNeverPull", "InvalidImageName", "CreateContainerConfigError");

  private static final ObjectMapper JSON = new ObjectMapper();

  private Deployments() {}

  static void awaitAvailable(K3sCluster cluster, String namespace, Duration timeout) {
    AtomicReference<String> shown = new AtomicReference<>("");
    long start = System.nanoTime();
    await(namespace + " Deployments available")
        .atMost(timeout)
        .pollDelay(Duration.ZERO)
        .pollInterval(Duration.ofSeconds(5))
        .until(
            () -> {
              Status status = status(cluster, namespace);
              if (!status.line().equals(shown.getAndSet(status.line()))) {
                System.out.printf(
                    "[k3s] %4ds %s: %s%n",
                    (System.nanoTime() - start) / 1_000_000_000L, namespace, status.line());
              }
              return status.available();
            });
  }

  private static Status status(K3sCluster cluster, String namespace) {
    JsonNode deployments =
        json(cluster.kubectl("-n", namespace, "get", "deployments", "-o", "json"));
    List<String> parts = new ArrayList<>();
    boolean available = deployments.path("items").size() > 0;
    for (JsonNode deployment : deployments.path("items")) {
      String name = deployment.path("metadata").path("name").asText();
      int wanted = deployment.path("spec").path("replicas").asInt(1);
      JsonNode status = deployment.path("status");
      int ready = status.path("availableReplicas").asInt();
      int updated = status.path("updatedReplicas").asInt();
      available &=
          ready >= wanted && updated >= wanted && status.path("replicas").asInt() == wanted;
      parts.add(name + " " + ready + "/" + wanted);
      for (JsonNode condition : status.path("conditions")) {
        // A pod the API refuses (Pod Security admission, a quota) never appears: only here.
        if (condition.path("type").asText().equals("ReplicaFailure")
            && condition.path("status").asText().equals("True")) {
          throw new AssertionError(
              namespace + "/" + name + " cannot create pods: " + condition.path("message"));
        }
      }
    }
    for (PodView pod : PodView.list(cluster, namespace, null)) {
      for (String reason : pod.waitingReasons()) {
        parts.add(pod.name() + " " + reason);
        if (PERMANENT.contains(reason)) {
          throw new AssertionError(
              namespace
                  + "/"
                  + pod.name()
                  + " is stuck in "
                  + reason
                  + ":\n"
                  + cluster.kubectl("-n", namespace, "describe", "pod", pod.name()));
        }
      }
    }
    return new Status(available, String.join(", ", parts));
  }

  private static JsonNode json(String text) {
    try {
      return JSON.readTree(text);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  private record Status(boolean available, String line) {}
}
