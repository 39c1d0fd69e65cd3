package io.paymentflow.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

/**
 * The pod security settings every app needs (Pod Security Standard "restricted", plus a read-only
 * root filesystem with a writable /tmp), checked on a rendered pod spec.
 */
final class PodHardening {

  private static final int NON_ROOT = 65532;

  private PodHardening() {}

  static void assertHardened(String app, Map<String, Object> podSpec) {
    assertThat(podSpec.get("automountServiceAccountToken")).as(app).isEqualTo(false);
    assertThat(podSpec.get("serviceAccountName")).as(app).isEqualTo(app);
    Map<String, Object> pod = Tree.map(podSpec, "securityContext");
    List<Object> containers = Tree.list(podSpec, "containers");
    assertThat(containers).as(app).isNotEmpty();
    for (Object container : containers) {
      Map<String, Object> own = Tree.map(container, "securityContext");
      String what = app + " container " + Tree.string(container, "name");
      assertThat(effective(own, pod, "runAsNonRoot")).as(what).isEqualTo(true);
      assertThat(effective(own, pod, "runAsUser")).as(what).isEqualTo(NON_ROOT);
      assertThat(effective(own, pod, "runAsGroup")).as(what).isEqualTo(NON_ROOT);
      assertThat(
              Tree.string(own.containsKey("seccompProfile") ? own : pod, "seccompProfile", "type"))
          .as(what)
          .isEqualTo("RuntimeDefault");
      assertThat(own.get("allowPrivilegeEscalation")).as(what).isEqualTo(false);
      assertThat(own.get("readOnlyRootFilesystem")).as(what).isEqualTo(true);
      assertThat(own.get("privileged")).as(what).isNotEqualTo(true);
      assertThat(Tree.list(own, "capabilities", "drop")).as(what).contains("ALL");
      assertThat(Tree.list(own, "capabilities", "add")).as(what).isEmpty();
      assertThat(Tree.map(container, "resources", "requests"))
          .as(what)
          .containsKeys("cpu", "memory");
      assertThat(Tree.map(container, "resources", "limits")).as(what).containsKeys("cpu", "memory");
      assertThat(Tree.map(container, "lifecycle", "preStop", "exec")).as(what).isEmpty();
      assertTmpIsAnEmptyDir(what, podSpec, container);
    }
    Map<String, Object> spread = Tree.map(podSpec, "topologySpreadConstraints", 0);
    assertThat(spread).as(app).containsEntry("topologyKey", "kubernetes.io/hostname");
    assertThat(spread).as(app).containsEntry("whenUnsatisfiable", "ScheduleAnyway");
    assertThat(Tree.map(spread, "labelSelector", "matchLabels"))
        .as(app)
        .isEqualTo(Map.of("app", app));
  }

  private static Object effective(
      Map<String, Object> container, Map<String, Object> pod, String key) {
    return container.containsKey(key) ? container.get(key) : pod.get(key);
  }

  private static void assertTmpIsAnEmptyDir(
      String what, Map<String, Object> podSpec, Object container) {
    String volume =
        Tree.list(container, "volumeMounts").stream()
            .filter(mount -> "/tmp".equals(Tree.string(mount, "mountPath")))
            .map(mount -> Tree.string(mount, "name"))
            .findFirst()
            .orElseThrow(() -> new AssertionError(what + ": nothing mounted at /tmp"));
    assertThat(Tree.list(podSpec, "volumes"))
        .as(what)
        .anySatisfy(
            v -> {
              assertThat(Tree.string(v, "name")).isEqualTo(volume);
              assertThat(Tree.at(v, "emptyDir")).isNotNull();
            });
  }
}
