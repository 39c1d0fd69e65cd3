package io.paymentflow.deploy;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;

/**
 * Renders every directory CI renders once per test class. Without kubectl each test is skipped with
 * a message (per test, not per class, so the skip shows in the Surefire counts).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class RenderedTreeTest {

  private boolean kubectlAvailable;
  private Map<String, Rendering> renderings = Map.of();

  @BeforeAll
  void renderEveryDirectory() throws IOException {
    kubectlAvailable = Kubectl.available();
    if (kubectlAvailable) {
      renderings = KustomizeTree.renderAll(KustomizeTree.root());
    }
  }

  @BeforeEach
  void requireKubectl() {
    assumeTrue(kubectlAvailable, Kubectl.MISSING);
  }

  /** Parameter source: every overlay and every combination under tests/. */
  List<String> dirs() {
    return KustomizeTree.dirsRenderedByCi(KustomizeTree.root());
  }

  Map<String, Rendering> renderings() {
    return renderings;
  }

  Rendering rendering(String dir) {
    return renderings.get(dir);
  }
}
