package io.paymentflow.k3s;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The test's dependencies as fixtures: they live in namespaces the test creates, hold no password,
 * open exactly the NodePorts the K3s container publishes, and name images that cannot move.
 */
class FixturesRenderTest {

  @Test
  void everyObjectLivesInANamespaceTheTestCreates() {
    Rendered rendered = Renderings.dependencies();
    List<String> expected = new ArrayList<>(ClusterLayout.DEPENDENCY_NAMESPACES);
    expected.add(ClusterLayout.APPS_NAMESPACE);
    assertThat(rendered.ofKind("Namespace"))
        .extracting(K8sObject::name)
        .containsExactlyInAnyOrderElementsOf(expected);
    assertThat(rendered.objects())
        .filteredOn(o -> !o.kind().equals("Namespace"))
        .allSatisfy(o -> assertThat(ClusterLayout.DEPENDENCY_NAMESPACES).contains(o.namespace()));
    assertThat(
            rendered.one("Namespace", null, ClusterLayout.APPS_NAMESPACE).map("metadata", "labels"))
        .containsEntry("pod-security.kubernetes.io/enforce", "restricted");
  }

  @Test
  void noPasswordIsWrittenDown() {
    assertThat(Renderings.dependencies().ofKind("Secret")).isEmpty();
    for (K8sObject workload : Renderings.dependencies().ofKind("Deployment")) {
      for (Object variable : K8sObject.asList(workload.container().get("env"))) {
        String name = String.valueOf(K8sObject.at(variable, "name"));
        if (name.contains("PASSWORD")) {
          assertThat(K8sObject.at(variable, "value")).as(workload + " " + name).isNull();
          assertThat(K8sObject.at(variable, "valueFrom", "secretKeyRef", "name"))
              .isEqualTo(ClusterLayout.POSTGRES_SECRET);
          assertThat(K8sObject.at(variable, "valueFrom", "secretKeyRef", "key"))
              .isEqualTo(ClusterLayout.SECRET_KEY);
        }
      }
    }
  }

  @Test
  void nodePortsAreTheOnesTheK3sContainerPublishes() {
    List<Object> nodePorts =
        Renderings.dependencies().ofKind("Service").stream()
            .filter(s -> "NodePort".equals(s.string("spec", "type")))
            .flatMap(s -> s.list("spec", "ports").stream())
            .map(port -> K8sObject.at(port, "nodePort"))
            .toList();
    assertThat(nodePorts)
        .containsExactlyInAnyOrder(ClusterLayout.KAFKA_NODE_PORT, ClusterLayout.POSTGRES_NODE_PORT);
    K8sObject postgres =
        Renderings.dependencies().one("Service", "postgres", "postgresql-external");
    assertThat(K8sObject.at(postgres.list("spec", "ports").get(0), "nodePort"))
        .isEqualTo(ClusterLayout.POSTGRES_NODE_PORT);
  }

  @Test
  void imagesArePinnedToAVersion() {
    assertThat(Renderings.dependencies().ofKind("Deployment"))
        .allSatisfy(
            workload ->
                assertThat(String.valueOf(workload.container().get("image")))
                    .as(workload.toString())
                    .matches("[a-z0-9./-]+:[0-9][A-Za-z0-9.-]*"));
  }
}
