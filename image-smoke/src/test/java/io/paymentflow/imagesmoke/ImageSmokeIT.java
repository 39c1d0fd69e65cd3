package io.paymentflow.imagesmoke;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The image smoke check: the four images that `-Pimages` built, loaded into podman and run hardened
 * (host network, user 65532, read-only root, tmpfs /tmp, no capabilities) against a real Kafka,
 * Temporal, PostgreSQL and inference stand-in. Skips without podman or without the tars, unless
 * image.smoke.required is set (CI), in which case it fails.
 */
class ImageSmokeIT {

  private static final Path ROOT =
      Path.of(System.getProperty("image.smoke.root", "..")).normalize();
  private static final Path LOGS = Path.of(System.getProperty("image.smoke.logs", "target/logs"));
  private static final SmokeDatabase DB = SmokeDatabase.fromEnvironment();
  private static final List<RunningContainer> CONTAINERS = new ArrayList<>();
  private static SmokeDependencies deps;

  @BeforeAll
  static void startTheFourImagesAgainstRealDependencies() {
    precondition(Podman.available(), "podman is not installed (apt-get install podman)");
    List<Path> missing =
        SmokeApp.ALL.stream().map(app -> app.tar(ROOT)).filter(Files::notExists).toList();
    precondition(missing.isEmpty(), "no image tar " + missing + ": run images/build-images.sh");

    deps = new SmokeDependencies().start();
    String suffix = UUID.randomUUID().toString().substring(0, 8);
    for (SmokeApp app : SmokeApp.ALL) {
      String image = Podman.load(app.tar(ROOT));
      int port = SmokeDependencies.freePort();
      String name = "pf-smoke-" + app.module() + "-" + suffix;
      CONTAINERS.add(new RunningContainer(app, image, name, port));
      Podman.runHardened(name, image, app.environment(deps, DB, port));
    }
    for (RunningContainer container : CONTAINERS) {
      await(container.app().module() + " ready")
          .atMost(Duration.ofMinutes(4))
          .pollInterval(Duration.ofSeconds(2))
          .failFast(container.name() + " exited; its log is in " + LOGS, () -> !container.running())
          .until(() -> container.health("readiness") == 200);
    }
  }

  @AfterAll
  static void removeContainers() throws Exception {
    for (RunningContainer container : CONTAINERS) {
      Podman.saveLogs(container.name(), LOGS.resolve(container.app().module() + ".log"));
      Podman.remove(container.name());
    }
    if (deps != null) {
      deps.close();
    }
  }

  @Test
  void everyContainerIsReadyAndLiveOnTheActuatorEndpointsTheProbesUse() {
    assertThat(CONTAINERS).hasSize(4);
    for (RunningContainer container : CONTAINERS) {
      assertThat(container.health("readiness")).as(container.name()).isEqualTo(200);
      assertThat(container.health("liveness")).as(container.name()).isEqualTo(200);
    }
  }

  @Test
  void everyContainerRunsAsNonRootWithoutCapabilitiesOnAReadOnlyRoot() throws Exception {
    for (RunningContainer container : CONTAINERS) {
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
    for (RunningContainer container : CONTAINERS) {
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
    String providerId = "evt_smoke_" + UUID.randomUUID().toString().replace("-", "");
    String eventId = "stripe:" + providerId;
    try (KafkaProducer<String, String> producer =
        new KafkaProducer<>(
            Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, deps.kafkaBootstrap()),
            new StringSerializer(),
            new StringSerializer())) {
      producer
          .send(
              new ProducerRecord<>(
                  SmokeDependencies.INPUT_TOPIC, eventId, event(eventId, providerId)))
          .get();
    }

    Map<String, Object> row =
        await("row for " + eventId)
            .atMost(Duration.ofMinutes(2))
            .pollInterval(Duration.ofSeconds(1))
            .until(() -> DB.paymentEvent(eventId).orElse(null), r -> r != null);
    assertThat(row).containsEntry("provider", "stripe").containsEntry("amount_cents", 2500L);
    assertThat(row).containsEntry("currency", "USD").containsEntry("validation_status", "passed");
    // A succeeded payment with a customer: the inference worker scored it through the stand-in.
    assertThat(row.get("fraud_score")).as("fraud_score").isNotNull();
    assertThat(row.get("churn_score")).as("churn_score").isNotNull();
    assertThat(deps.inferenceRequests("/fraud/score")).isPositive();
  }

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

  /** Skips the class when a precondition is missing, unless the check is required (CI). */
  private static void precondition(boolean met, String message) {
    if (Boolean.getBoolean("image.smoke.required")) {
      Assertions.assertTrue(met, "image.smoke.required is set, but " + message);
    } else {
      Assumptions.assumeTrue(met, "image smoke check skipped: " + message);
    }
  }
}
