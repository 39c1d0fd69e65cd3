package io.paymentflow.k3s;

import static io.paymentflow.localrun.LocalSystem.DB_WORKER;
import static io.paymentflow.localrun.LocalSystem.INFERENCE_WORKER;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The test deploys the dev overlay unchanged, and the overlay has what the test drives: the four
 * images it loads, the HPA it scales, the Secret it creates, the labels it selects pods by.
 */
class PaymentflowRenderTest {

  @Test
  void rendersExactlyTheDevOverlay() {
    assertThat(Renderings.paymentflow().text()).isEqualTo(Renderings.devOverlay().text());
  }

  @Test
  void everyObjectIsInTheAppsNamespace() {
    assertThat(Renderings.paymentflow().objects())
        .allSatisfy(
            o ->
                assertThat(o.namespace()).as(o.toString()).isEqualTo(ClusterLayout.APPS_NAMESPACE));
  }

  @Test
  void deploymentsRunTheFourImagesTheTestLoadsWithoutPulling() {
    assertThat(Renderings.paymentflow().ofKind("Deployment"))
        .extracting(K8sObject::name)
        .containsExactlyInAnyOrderElementsOf(ClusterLayout.APPS);
    for (String app : ClusterLayout.APPS) {
      K8sObject deployment = deployment(app);
      String image = String.valueOf(deployment.container().get("image"));
      assertThat(ImageTar.normalized(image)).as(app).isEqualTo(ClusterLayout.devImage(app));
      assertThat(deployment.container().get("imagePullPolicy")).as(app).isEqualTo("IfNotPresent");
      assertThat(deployment.map("spec", "template", "metadata", "labels"))
          .as(app + " pods carry the label the test selects them by")
          .containsEntry("app", app);
    }
  }

  @Test
  void theInferenceWorkersReplicasBelongToTheHpaTheTestPatches() {
    K8sObject hpa =
        Renderings.paymentflow()
            .one("HorizontalPodAutoscaler", ClusterLayout.APPS_NAMESPACE, INFERENCE_WORKER);
    assertThat(hpa.map("spec", "scaleTargetRef"))
        .containsEntry("kind", "Deployment")
        .containsEntry("name", INFERENCE_WORKER);
    assertThat(deployment(INFERENCE_WORKER).map("spec")).doesNotContainKey("replicas");
  }

  @Test
  void theDatabaseWorkerReadsTheSecretTheTestCreates() {
    assertThat(Renderings.paymentflow().ofKind("Secret")).isEmpty();
    Object reference =
        K8sObject.asList(deployment(DB_WORKER).container().get("env")).stream()
            .filter(v -> "TEMPORAL_WORKER_POSTGRES_PASSWORD".equals(K8sObject.at(v, "name")))
            .map(v -> K8sObject.at(v, "valueFrom", "secretKeyRef"))
            .findFirst()
            .orElseThrow();
    assertThat(K8sObject.asMap(reference))
        .containsEntry("name", ClusterLayout.APPS_DATABASE_SECRET)
        .containsEntry("key", ClusterLayout.SECRET_KEY);
  }

  private static K8sObject deployment(String app) {
    return Renderings.paymentflow().one("Deployment", ClusterLayout.APPS_NAMESPACE, app);
  }
}
