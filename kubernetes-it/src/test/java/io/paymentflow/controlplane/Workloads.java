package io.paymentflow.controlplane;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What a roll or a scale-up can change in one namespace, per Deployment: its generation and
 * replicas, its ReplicaSets and its Pods (by uid, so a re-created object counts as changed).
 */
record Workloads(Map<String, Workload> byDeployment) {

  record Workload(long generation, int replicas, Set<String> replicaSets, Set<String> pods) {}

  static Workloads read(Kubectl kubectl, String namespace) {
    Map<String, String> replicaSetOwner = new TreeMap<>();
    Map<String, Set<String>> replicaSets = new TreeMap<>();
    for (Map<String, Object> replicaSet :
        items(kubectl.json("-n", namespace, "get", "replicasets"))) {
      String owner = owner(replicaSet);
      replicaSetOwner.put(name(replicaSet), owner);
      replicaSets.computeIfAbsent(owner, key -> new TreeSet<>()).add(uid(replicaSet));
    }
    Map<String, Set<String>> pods = new TreeMap<>();
    for (Map<String, Object> pod : items(kubectl.json("-n", namespace, "get", "pods"))) {
      String deployment = replicaSetOwner.get(owner(pod));
      pods.computeIfAbsent(deployment, key -> new TreeSet<>()).add(uid(pod));
    }
    Map<String, Workload> byDeployment = new TreeMap<>();
    for (Map<String, Object> deployment :
        items(kubectl.json("-n", namespace, "get", "deployments"))) {
      String name = name(deployment);
      byDeployment.put(
          name,
          new Workload(
              ((Number) metadata(deployment).get("generation")).longValue(),
              ((Number) map(deployment.get("spec")).get("replicas")).intValue(),
              replicaSets.getOrDefault(name, Set.of()),
              pods.getOrDefault(name, Set.of())));
    }
    return new Workloads(byDeployment);
  }

  /**
   * True when every Deployment's controller has seen its latest spec (its ReplicaSets exist) and
   * every HPA has brought its Deployment within its bounds (a new Deployment starts at one replica
   * and prod's HPAs ask for at least two).
   */
  static boolean settled(Kubectl kubectl, String namespace) {
    Map<String, Integer> replicas = new TreeMap<>();
    for (Map<String, Object> deployment :
        items(kubectl.json("-n", namespace, "get", "deployments"))) {
      Object observed = map(deployment.get("status")).get("observedGeneration");
      if (observed == null || !observed.equals(metadata(deployment).get("generation"))) {
        return false;
      }
      replicas.put(
          name(deployment), ((Number) map(deployment.get("spec")).get("replicas")).intValue());
    }
    for (Map<String, Object> hpa : items(kubectl.json("-n", namespace, "get", "hpa"))) {
      Map<String, Object> spec = map(hpa.get("spec"));
      Integer current = replicas.get((String) map(spec.get("scaleTargetRef")).get("name"));
      int min = ((Number) spec.getOrDefault("minReplicas", 1)).intValue();
      int max = ((Number) spec.get("maxReplicas")).intValue();
      if (current == null || current < min || current > max) {
        return false;
      }
    }
    return true;
  }

  Workload of(String deployment) {
    Workload workload = byDeployment.get(deployment);
    if (workload == null) {
      throw new AssertionError("no Deployment " + deployment + " in " + byDeployment.keySet());
    }
    return workload;
  }

  @SuppressWarnings("unchecked")
  static List<Map<String, Object>> items(Map<String, Object> list) {
    return (List<Map<String, Object>>) list.get("items");
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> map(Object value) {
    return value == null ? Map.of() : (Map<String, Object>) value;
  }

  static Map<String, Object> metadata(Map<String, Object> object) {
    return map(object.get("metadata"));
  }

  static String name(Map<String, Object> object) {
    return (String) metadata(object).get("name");
  }

  private static String uid(Map<String, Object> object) {
    return (String) metadata(object).get("uid");
  }

  @SuppressWarnings("unchecked")
  private static String owner(Map<String, Object> object) {
    List<Map<String, Object>> owners =
        (List<Map<String, Object>>) metadata(object).get("ownerReferences");
    return owners == null || owners.isEmpty() ? "" : (String) owners.get(0).get("name");
  }
}
