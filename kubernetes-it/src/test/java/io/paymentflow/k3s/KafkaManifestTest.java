package io.paymentflow.k3s;

import static io.paymentflow.localrun.LocalSystem.BRIDGE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.util.Map;
import java.util.Properties;
import java.util.Set;
import kafka.server.KafkaConfig;
import org.apache.kafka.common.utils.AppInfoParser;
import org.junit.jupiter.api.Test;

/**
 * The Kafka Deployment's environment, turned into server properties the way the apache/kafka image
 * does, is a configuration that Kafka itself (the version the image runs) accepts, and it
 * advertises the address the bridge bootstraps from.
 */
class KafkaManifestTest {

  @Test
  void imageIsTheKafkaVersionTheProjectTestsWith() {
    assertThat(String.valueOf(kafka().container().get("image")))
        .isEqualTo("apache/kafka:" + AppInfoParser.getVersion());
  }

  @Test
  void environmentIsABrokerConfigurationKafkaAccepts() {
    Map<String, String> properties = KafkaImageEnvironment.serverProperties(kafka());
    Set<String> known = KafkaConfig.configDef().names();
    assertThat(properties.keySet()).as("unknown properties").isSubsetOf(known);
    Properties props = new Properties();
    props.putAll(properties);
    assertThatCode(() -> KafkaConfig.fromProps(props)).doesNotThrowAnyException();
    assertThat(properties)
        .containsEntry("auto.create.topics.enable", "false")
        .containsEntry("offsets.topic.replication.factor", "1")
        .containsEntry("transaction.state.log.replication.factor", "1");
  }

  @Test
  void advertisesTheBridgesBootstrapAddressOnThePortThePoliciesAdmit() {
    Map<String, String> properties = KafkaImageEnvironment.serverProperties(kafka());
    Map<String, String> advertised =
        KafkaImageEnvironment.listeners(properties.get("advertised.listeners"));
    Map<String, String> listening = KafkaImageEnvironment.listeners(properties.get("listeners"));
    int wiredPort = DependencyWiring.of(K3sSettings.root(), "kafka").port();
    for (Address address : Renderings.appAddresses()) {
      if (address.dependency().equals("kafka")) {
        String listener =
            advertised.entrySet().stream()
                .filter(e -> e.getValue().equals(address.hostAndPort()))
                .map(Map.Entry::getKey)
                .findFirst()
                .orElseThrow(() -> new AssertionError(BRIDGE + " uses " + address.hostAndPort()));
        assertThat(listening.get(listener)).as(listener).endsWith(":" + wiredPort);
      }
    }
  }

  @Test
  void externalListenerIsTheNodePortsTargetAndItsAddressComesFromTheTestsFile() {
    Map<String, String> listening =
        KafkaImageEnvironment.listeners(
            KafkaImageEnvironment.serverProperties(kafka()).get("listeners"));
    K8sObject nodePort = Renderings.dependencies().one("Service", "kafka", "kafka-external");
    Object target = K8sObject.at(nodePort.list("spec", "ports").get(0), "targetPort");
    Integer podPort = kafka().containerPorts().get(target);
    assertThat(listening.get("EXTERNAL")).endsWith(":" + podPort);
    assertThat(String.valueOf(kafka().literalEnvironment().get("KAFKA_ADVERTISED_LISTENERS")))
        .contains("EXTERNAL://$(" + ClusterLayout.KAFKA_EXTERNAL_KEY + ")");
    assertThat(K3sSettings.root().resolve(ClusterLayout.KAFKA_EXTERNAL_ENV))
        .content()
        .startsWith(ClusterLayout.KAFKA_EXTERNAL_KEY + "=");
  }

  @Test
  void serviceLinksAreOffSoNoServiceBecomesAServerProperty() {
    assertThat(kafka().map("spec", "template", "spec")).containsEntry("enableServiceLinks", false);
  }

  private static K8sObject kafka() {
    return Renderings.dependencies().one("Deployment", "kafka", "kafka");
  }
}
