package io.paymentflow.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * An app's port is chosen once, as {@code server.port} in its application.yml ({@link Apps#PORTS});
 * the manifests are checked against it by the render tests, the image's declared port here.
 */
class PortsTest {

  private static final Pattern IMAGE_PORT = Pattern.compile("<image.port>(\\d+)</image.port>");

  @Test
  void eachImageDeclaresItsAppsServerPort() throws Exception {
    for (String app : Apps.ALL) {
      Matcher port = IMAGE_PORT.matcher(Files.readString(Apps.module(app).resolve("pom.xml")));

      assertThat(port.find()).as(app + " sets image.port").isTrue();
      assertThat(Integer.parseInt(port.group(1))).as(app).isEqualTo(Apps.PORTS.get(app));
    }
  }

  @Test
  void everyAppHasItsOwnPort() {
    assertThat(Apps.PORTS.values()).doesNotHaveDuplicates().hasSize(Apps.ALL.size());
  }
}
