package io.paymentflow.k3s;

import static io.paymentflow.localrun.LocalSystem.BRIDGE;
import static io.paymentflow.localrun.LocalSystem.DB_WORKER;
import static io.paymentflow.localrun.LocalSystem.INFERENCE_WORKER;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;

/**
 * The three renderings the manifest tests compare, each built once per test JVM: the test's
 * dependencies, the test's paymentflow kustomization, and the dev overlay it must equal.
 */
final class Renderings {

  private static Rendered dependencies;
  private static Rendered paymentflow;
  private static Rendered devOverlay;

  private Renderings() {}

  static synchronized Rendered dependencies() {
    if (dependencies == null) {
      dependencies = render(ClusterLayout.DEPENDENCIES_DIR);
    }
    return dependencies;
  }

  static synchronized Rendered paymentflow() {
    if (paymentflow == null) {
      paymentflow = render(ClusterLayout.PAYMENTFLOW_DIR);
    }
    return paymentflow;
  }

  static synchronized Rendered devOverlay() {
    if (devOverlay == null) {
      devOverlay = render(ClusterLayout.DEPLOY_TREE + "/overlays/dev");
    }
    return devOverlay;
  }

  /**
   * Each address an app of the dev overlay is configured to reach a dependency at, read from the
   * ConfigMaps its container actually gets.
   */
  static List<Address> appAddresses() {
    Rendered apps = paymentflow();
    List<Address> addresses = new ArrayList<>();
    Map<String, String> bridge = environment(apps, BRIDGE);
    for (String app : ClusterLayout.APPS) {
      addresses.add(
          Address.of("temporal", app, environment(apps, app).get("TEMPORAL_WORKER_TEMPORAL_HOST")));
    }
    for (String server : bridge.get("TEMPORAL_WORKER_KAFKA_BOOTSTRAP_SERVERS").split(",")) {
      addresses.add(Address.of("kafka", BRIDGE, server.trim()));
    }
    Map<String, String> inference = environment(apps, INFERENCE_WORKER);
    addresses.add(
        Address.ofUrl(
            "inference", INFERENCE_WORKER, inference.get("TEMPORAL_WORKER_INFERENCE_SERVICE_URL")));
    Map<String, String> database = environment(apps, DB_WORKER);
    addresses.add(
        Address.of(
            "postgres",
            DB_WORKER,
            database.get("TEMPORAL_WORKER_POSTGRES_HOST")
                + ":"
                + database.get("TEMPORAL_WORKER_POSTGRES_PORT")));
    return addresses;
  }

  /** The one dependency Deployment whose pods the apps' NetworkPolicies admit as {@code wiring}. */
  static K8sObject dependencyWorkload(DependencyWiring wiring) {
    List<K8sObject> found =
        dependencies().ofKind("Deployment").stream()
            .filter(d -> wiring.namespace().equals(d.namespace()))
            .filter(d -> wiring.podLabelValue().equals(d.podLabels().get(wiring.podLabelKey())))
            .toList();
    if (found.size() != 1) {
      throw new AssertionError("expected one Deployment admitted as " + wiring + ": " + found);
    }
    return found.get(0);
  }

  /** The variables an app's container gets from its ConfigMaps. */
  static Map<String, String> appEnvironment(String app) {
    return environment(paymentflow(), app);
  }

  private static Map<String, String> environment(Rendered apps, String app) {
    return apps.environmentFromConfigMaps(
        apps.one("Deployment", ClusterLayout.APPS_NAMESPACE, app));
  }

  private static Rendered render(String repositoryPath) {
    Assumptions.assumeTrue(Kustomize.available(), Kustomize.MISSING);
    Path dir = K3sSettings.root().resolve(repositoryPath);
    return Kustomize.render(dir);
  }
}
