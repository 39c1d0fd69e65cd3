package io.paymentflow.k3s;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** The K3s test imports each tar under the name Jib wrote into it, then tags it for the overlay. */
class ImageTarTest {

  @Test
  void readsTheImageNameOfEachBuiltTar() throws Exception {
    List<String> built =
        ClusterLayout.APPS.stream()
            .filter(app -> Files.exists(AppImages.tar(K3sSettings.root(), app)))
            .toList();
    Assumptions.assumeFalse(
        built.isEmpty(), "no image tar built (images/build-images.sh): nothing to read");
    for (String app : built) {
      Path tar = AppImages.tar(K3sSettings.root(), app);
      assertThat(ImageTar.repoTags(tar))
          .as(tar.toString())
          .first()
          .asString()
          .matches(".*/" + app + ":[^/:]+");
    }
  }

  @Test
  void referencesAreNormalisedAsContainerdStoresThem() {
    assertThat(ImageTar.normalized("paymentflow/kafka-bridge:dev"))
        .isEqualTo("docker.io/paymentflow/kafka-bridge:dev");
    assertThat(ImageTar.normalized("postgres:15-alpine"))
        .isEqualTo("docker.io/library/postgres:15-alpine");
    assertThat(ImageTar.normalized("registry.example.com/payments/kafka-bridge:1.2.3"))
        .isEqualTo("registry.example.com/payments/kafka-bridge:1.2.3");
    assertThat(ImageTar.normalized("localhost:5000/kafka-bridge:1"))
        .isEqualTo("localhost:5000/kafka-bridge:1");
  }
}
