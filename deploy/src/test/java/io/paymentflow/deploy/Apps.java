package io.paymentflow.deploy;

import java.util.List;
import java.util.Map;
import java.util.Set;

/** What the manifests must say about the four apps (brief conventions and CONTRACTS). */
final class Apps {

  static final String BRIDGE = "kafka-bridge";
  static final String WORKFLOW_WORKER = "workflow-worker";
  static final String INFERENCE_WORKER = "activity-worker-inference";
  static final String DB_WORKER = "activity-worker-db";

  static final List<String> ALL = List.of(BRIDGE, WORKFLOW_WORKER, INFERENCE_WORKER, DB_WORKER);

  /** Each app's actuator port, its `server.port` default. */
  static final Map<String, Integer> PORTS =
      Map.of(BRIDGE, 8080, WORKFLOW_WORKER, 8081, INFERENCE_WORKER, 8082, DB_WORKER, 8083);

  /** Only these two scale on load; the bridge and the workflow worker have fixed counts. */
  static final Set<String> AUTOSCALED = Set.of(INFERENCE_WORKER, DB_WORKER);

  static final String SHARED_CONFIG = "paymentflow-shared-config";

  private Apps() {}

  static String configName(String app) {
    return app + "-config";
  }
}
