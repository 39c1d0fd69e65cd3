package io.paymentflow.k3s;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The server properties the apache/kafka image makes of its container's environment, as its
 * KafkaDockerWrapper does, after the kubelet's $(VAR) expansion.
 */
final class KafkaImageEnvironment {

  /**
   * Variables the image's start scripts read as JVM settings rather than server properties. (Should
   * an image version still pass one of them on as a property, Kafka only logs it as unknown.)
   */
  private static final Set<String> NOT_PROPERTIES =
      Set.of(
          "KAFKA_HEAP_OPTS",
          "KAFKA_OPTS",
          "KAFKA_JVM_PERFORMANCE_OPTS",
          "KAFKA_GC_LOG_OPTS",
          "KAFKA_JMX_OPTS",
          "KAFKA_LOG4J_OPTS",
          "KAFKA_VERSION");

  private static final Pattern VARIABLE = Pattern.compile("\\$\\(([A-Za-z_][A-Za-z0-9_]*)\\)");

  private KafkaImageEnvironment() {}

  /**
   * KAFKA_FOO_BAR is foo.bar, ___ a dash and __ an underscore (the image's KafkaDockerWrapper);
   * $(VAR) expands as the kubelet expands it, from variables listed earlier.
   */
  static Map<String, String> serverProperties(K8sObject kafka) {
    Map<String, String> earlier = new LinkedHashMap<>();
    Map<String, String> properties = new LinkedHashMap<>();
    for (Object variable : K8sObject.asList(kafka.container().get("env"))) {
      String name = String.valueOf(K8sObject.at(variable, "name"));
      String value = expand(resolve(kafka, variable), earlier);
      earlier.put(name, value);
      if (name.startsWith("KAFKA_") && !NOT_PROPERTIES.contains(name)) {
        String key =
            name.substring("KAFKA_".length())
                .toLowerCase()
                .replace("_", ".")
                .replace("...", "-")
                .replace("..", "_");
        properties.put(key, value);
      }
    }
    return properties;
  }

  /** A literal value, or the key of the rendered ConfigMap it refers to. */
  private static String resolve(K8sObject kafka, Object variable) {
    Object value = K8sObject.at(variable, "value");
    if (value != null) {
      return value.toString();
    }
    Object name = K8sObject.at(variable, "valueFrom", "configMapKeyRef", "name");
    Object key = K8sObject.at(variable, "valueFrom", "configMapKeyRef", "key");
    K8sObject configMap =
        Renderings.dependencies().one("ConfigMap", kafka.namespace(), String.valueOf(name));
    return String.valueOf(configMap.map("data").get(key));
  }

  private static String expand(String value, Map<String, String> earlier) {
    Matcher m = VARIABLE.matcher(value);
    StringBuilder expanded = new StringBuilder();
    while (m.find()) {
      String replacement = earlier.get(m.group(1));
      assertThat(replacement).as("$(" + m.group(1) + ") is defined before its use").isNotNull();
      m.appendReplacement(expanded, Matcher.quoteReplacement(replacement));
    }
    return m.appendTail(expanded).toString();
  }

  /** {@code NAME://host:port,...} by listener name. */
  static Map<String, String> listeners(String value) {
    Map<String, String> byName = new LinkedHashMap<>();
    List<String> entries = Arrays.stream(value.split(",")).map(String::trim).toList();
    for (String entry : entries) {
      int separator = entry.indexOf("://");
      byName.put(entry.substring(0, separator), entry.substring(separator + 3));
    }
    return byName;
  }
}
