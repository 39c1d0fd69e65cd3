package io.paymentflow.imagesmoke;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.paymentflow.contracts.Topics;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * The image smoke check: the four images that `-Pimages` built, loaded into podman and run hardened
 * (host network, user 65532, read-only root, tmpfs /tmp, no capabilities) against a real Kafka,
 * Temporal, PostgreSQL and inference stand-in (see {@link SmokeSystem}).
 */
class ImageSmokeIT {

  @AfterAll
  static void removeContainers() throws Exception {
    SmokeSystem.stop();
  }

  @Test
  void everyContainerIsReadyAndLiveOnTheActuatorEndpointsTheProbesUse() {
    SmokeSystem.started();
    assertThat(SmokeSystem.containers()).hasSize(4);
    for (RunningContainer container : SmokeSystem.containers()) {
      assertThat(container.health("readiness")).as(container.name()).isEqualTo(200);
      assertThat(container.health("liveness")).as(container.name()).isEqualTo(200);
    }
  }

  @Test
  void everyContainerRunsAsNonRootWithoutCapabilitiesOnAReadOnlyRoot() throws Exception {
    SmokeSystem.started();
    for (RunningContainer container : SmokeSystem.containers()) {
      String name = container.name();
      assertThat(Podman.inspect(name, "{{.HostConfig.ReadonlyRootfs}}", false)).isEqualTo("true");
      assertThat(container.rootMountOptions()).as(name + " root mount").startsWith("ro");
      List<String> status = container.processStatus();
      assertThat(status).as(name).contains("Uid:\t65532\t65532\t65532\t65532");
      assertThat(status).as(name).contains("Gid:\t65532\t65532\t65532\t65532");
      assertThat(status).as(name).contains("CapEff:\t0000000000000000", "NoNewPrivs:\t1");
    }
  }

  @Test
  void everyImageDeclaresTheNonRootUserItsPortAndItsName() {
    SmokeSystem.started();
    for (RunningContainer container : SmokeSystem.containers()) {
      String image = container.image();
      SmokeApp app = container.app();
      assertThat(Podman.inspect(image, "{{.Config.User}}", true)).isEqualTo("65532:65532");
      assertThat(Podman.inspect(image, "{{json .Config.ExposedPorts}}", true))
          .as(image)
          .contains("\"" + app.declaredPort() + "/tcp\"");
      assertThat(
              Podman.inspect(image, "{{index .Labels \"org.opencontainers.image.title\"}}", true))
          .isEqualTo(app.module());
    }
  }

  @Test
  void anEventPublishedToKafkaBecomesAnEnrichedRow() throws Exception {
    SmokeDependencies deps = SmokeSystem.started();
    String providerId = "evt_smoke_" + UUID.randomUUID().toString().replace("-", "");
    String eventId = "stripe:" + providerId;
    try (KafkaProducer<String, String> producer =
        new KafkaProducer<>(
            Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, deps.kafkaBootstrap()),
            new StringSerializer(),
            new StringSerializer())) {
      producer.send(new ProducerRecord<>(Topics.INPUT, eventId, event(eventId, providerId))).get();
    }

    Map<String, Object> row =
        await("row for " + eventId)
            .atMost(Duration.ofMinutes(2))
            .pollInterval(Duration.ofSeconds(1))
            .until(() -> SmokeSystem.DB.paymentEvent(eventId).orElse(null), r -> r != null);
    assertThat(row).containsEntry("provider", "stripe").containsEntry("amount_cents", 2500L);
    assertThat(row).containsEntry("currency", "USD").containsEntry("validation_status", "passed");
    // A succeeded payment with a customer: the inference worker scored it through the stand-in.
    assertThat(row.get("fraud_score")).as("fraud_score").isNotNull();
    assertThat(row.get("churn_score")).as("churn_score").isNotNull();
    assertThat(deps.inferenceRequests("/fraud/score")).isPositive();
  }

  /** A normalized payment event (CONTRACTS 1.1): a succeeded card payment with a customer. */
  private static String event(String eventId, String providerId) {
    return """
        {"event_id":"%s","provider":"stripe","provider_event_id":"%s",\
        "event_type":"payment.succeeded","merchant_id":"merch_smoke","customer_id":"cus_smoke",\
        "amount_cents":2500,"currency":"USD","payment_method_type":"card","card_brand":"visa",\
        "card_last_four":"4242","status":"succeeded","failure_code":null,"failure_message":null,\
        "metadata":{},"provider_created_at":"2026-01-01T00:00:00Z",\
        "processed_at":"2026-01-01T00:00:01.000000+00:00","schema_version":1}"""
        .formatted(eventId, providerId);
  }
}
