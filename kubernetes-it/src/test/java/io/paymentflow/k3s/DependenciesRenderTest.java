package io.paymentflow.k3s;

import static org.assertj.core.api.Assertions.assertThat;

import io.paymentflow.localrun.LocalSystem;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The test's dependencies run exactly where the apps look for them: at the addresses in their
 * ConfigMaps, and on the namespaces, pod labels and pod ports their NetworkPolicies admit (K3s
 * enforces those policies, so a mismatch would only show as timeouts in the cluster).
 */
class DependenciesRenderTest {

  @ParameterizedTest
  @ValueSource(strings = {"temporal", "kafka", "inference", "postgres"})
  void dependencyRunsOnTheNamespaceLabelAndPortTheNetworkPoliciesAdmit(String dependency) {
    DependencyWiring wiring = DependencyWiring.of(K3sSettings.root(), dependency);
    K8sObject workload = Renderings.dependencyWorkload(wiring);
    assertThat(workload.containerPorts().values()).as(workload.toString()).contains(wiring.port());
  }

  static Stream<Address> appAddresses() {
    return Renderings.appAddresses().stream();
  }

  @ParameterizedTest
  @MethodSource("appAddresses")
  void serviceAnswersAtTheAddressTheAppIsConfiguredWith(Address address) {
    DependencyWiring wiring = DependencyWiring.of(K3sSettings.root(), address.dependency());
    assertThat(address.namespace()).as(address.hostAndPort()).isEqualTo(wiring.namespace());
    K8sObject workload = Renderings.dependencyWorkload(wiring);
    K8sObject service =
        Renderings.dependencies().one("Service", address.namespace(), address.service());
    Map<String, Object> podLabels = workload.podLabels();
    assertThat(podLabels)
        .as(service + " selects " + workload)
        .containsAllEntriesOf(selector(service));
    Object targetPort =
        service.list("spec", "ports").stream()
            .filter(port -> String.valueOf(K8sObject.at(port, "port")).equals("" + address.port()))
            .map(port -> K8sObject.at(port, "targetPort"))
            .findFirst()
            .orElseThrow(() -> new AssertionError(service + " has no port " + address.port()));
    Integer podPort =
        targetPort instanceof Integer number ? number : workload.containerPorts().get(targetPort);
    assertThat(podPort)
        .as(address.hostAndPort() + " (" + address.app() + ") reaches pod port")
        .isEqualTo(wiring.port());
  }

  @Test
  void postgresCreatesTheDatabaseAndRoleTheDatabaseWorkerUses() {
    Map<String, String> worker = Renderings.appEnvironment(LocalSystem.DB_WORKER);
    Map<String, Object> postgres =
        Renderings.dependencies().one("Deployment", "postgres", "postgresql").literalEnvironment();
    assertThat(postgres.get("POSTGRES_DB")).isEqualTo(worker.get("TEMPORAL_WORKER_POSTGRES_DB"));
    assertThat(postgres.get("POSTGRES_USER"))
        .isEqualTo(worker.get("TEMPORAL_WORKER_POSTGRES_USER"))
        .isEqualTo(ClusterLayout.DATABASE_USER);
  }

  @Test
  void temporalRegistersTheNamespaceTheAppsUse() {
    List<Object> args =
        Renderings.dependencies()
            .one("Deployment", "temporal", "temporal")
            .list("spec", "template", "spec", "containers", 0, "args");
    // start-dev registers `default`, and any namespace given with --namespace.
    for (String app : ClusterLayout.APPS) {
      String namespace = Renderings.appEnvironment(app).get("TEMPORAL_WORKER_TEMPORAL_NAMESPACE");
      if (!"default".equals(namespace)) {
        assertThat(String.join(" ", args.stream().map(String::valueOf).toList()))
            .as(app)
            .contains("--namespace " + namespace);
      }
    }
  }

  private static Map<String, Object> selector(K8sObject service) {
    return service.map("spec", "selector");
  }
}
