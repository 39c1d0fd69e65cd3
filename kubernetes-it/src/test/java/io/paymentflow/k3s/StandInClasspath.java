package io.paymentflow.k3s;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.paymentflow.standin.InferenceStandIn;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The inference stand-in's runtime classpath as this JVM has it (its classes, or its jar, and the
 * three Jackson jars), and where each part goes under the folder its pod mounts: a directory
 * becomes {@code classes}, a jar {@code lib/<name>}, matching the {@code -cp} in
 * inference-service.yaml.
 */
final class StandInClasspath {

  private StandInClasspath() {}

  /** Each part of the classpath on this machine, and its path relative to the mounted folder. */
  static Map<Path, String> layout() {
    Map<Path, String> layout = new LinkedHashMap<>();
    Stream.of(InferenceStandIn.class, ObjectMapper.class, JsonFactory.class, JsonAutoDetect.class)
        .map(StandInClasspath::location)
        .distinct()
        .forEach(
            path -> {
              String target = Files.isDirectory(path) ? "classes" : "lib/" + path.getFileName();
              if (layout.containsValue(target)) {
                throw new IllegalStateException("two classpath parts would both be " + target);
              }
              layout.put(path, target);
            });
    return layout;
  }

  /** Copies the classpath into {@code folder}, laid out as {@link #layout()} says. */
  static void copyTo(K3sCluster cluster, String folder) {
    layout().forEach((path, target) -> cluster.copy(path, folder + "/" + target));
  }

  private static Path location(Class<?> type) {
    try {
      return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException("no classpath location for " + type, e);
    }
  }
}
