package io.paymentflow.deploy;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.yaml.snakeyaml.Yaml;

/** What the manifests must say about the four apps (brief conventions and CONTRACTS). */
final class Apps {

  static final String BRIDGE = "kafka-bridge";
  static final String WORKFLOW_WORKER = "workflow-worker";
  static final String INFERENCE_WORKER = "activity-worker-inference";
  static final String DB_WORKER = "activity-worker-db";

  static final List<String> ALL = List.of(BRIDGE, WORKFLOW_WORKER, INFERENCE_WORKER, DB_WORKER);

  /**
   * Each app's actuator port, read from where it is chosen: its {@code server.port} in its own
   * application.yml. The manifests and the image are checked against it.
   */
  static final Map<String, Integer> PORTS =
      ALL.stream().collect(Collectors.toUnmodifiableMap(app -> app, Apps::serverPort));

  /** Only these two scale on load; the bridge and the workflow worker have fixed counts. */
  static final Set<String> AUTOSCALED = Set.of(INFERENCE_WORKER, DB_WORKER);

  static final String SHARED_CONFIG = "paymentflow-shared-config";

  private Apps() {}

  /** The app module's directory, beside this one. */
  static Path module(String app) {
    return Path.of("..", app).toAbsolutePath().normalize();
  }

  private static int serverPort(String app) {
    Path yml = module(app).resolve("src/main/resources/application.yml");
    try (Reader reader = Files.newBufferedReader(yml)) {
      Map<String, Object> config = new Yaml().load(reader);
      return (Integer) Tree.at(config, "server", "port");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String configName(String app) {
    return app + "-config";
  }
}
