package io.paymentflow.localrun;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LocalRunOptionsTest {

  @Test
  void defaultsAreTheContractAddresses() {
    LocalRunOptions options = LocalRunOptions.parse(new String[0], Map.of());

    assertThat(options.ports()).isEqualTo(Ports.defaults());
    assertThat(options.kafkaBootstrap()).isEqualTo("localhost:9092");
    assertThat(options.temporalAddress()).isEqualTo("localhost:7233");
    assertThat(options.inferenceUrl()).isEqualTo("http://localhost:8002");
    assertThat(options.events()).isEqualTo(1000);
    assertThat(options.keepRunning()).isTrue();
  }

  @Test
  void optionsAndEnvironmentOverrideDefaults() {
    LocalRunOptions options =
        LocalRunOptions.parse(
            new String[] {"--events=50", "--rate=10", "--exit-after-demo", "--drain-timeout=PT1M"},
            Map.of("TEMPORAL_WORKER_TEMPORAL_HOST", "temporal:7233"));

    assertThat(options.events()).isEqualTo(50);
    assertThat(options.rate()).isEqualTo(10);
    assertThat(options.keepRunning()).isFalse();
    assertThat(options.drainTimeout()).isEqualTo(Duration.ofMinutes(1));
    assertThat(options.temporalAddress()).isEqualTo("temporal:7233");
  }

  @Test
  void ownServicesReplaceTheLocalOnesFromOptionsOrTheContractVariables() {
    LocalRunOptions fromOptions =
        LocalRunOptions.parse(
            new String[] {
              "--kafka=kafka.internal:9093",
              "--inference=http://ml.internal:8000",
              "--postgres=db.internal:6432"
            },
            Map.of());
    LocalRunOptions fromEnvironment =
        LocalRunOptions.parse(
            new String[0],
            Map.of(
                "TEMPORAL_WORKER_KAFKA_BOOTSTRAP_SERVERS", "kafka.internal:9093",
                "TEMPORAL_WORKER_INFERENCE_SERVICE_URL", "http://ml.internal:8000",
                "TEMPORAL_WORKER_POSTGRES_HOST", "db.internal",
                "TEMPORAL_WORKER_POSTGRES_PORT", "6432"));

    for (LocalRunOptions options : java.util.List.of(fromOptions, fromEnvironment)) {
      assertThat(options.kafkaBootstrap()).isEqualTo("kafka.internal:9093");
      assertThat(options.inferenceUrl()).isEqualTo("http://ml.internal:8000");
      assertThat(options.postgres().host()).isEqualTo("db.internal");
      assertThat(options.postgres().port()).isEqualTo(6432);
      assertThat(options.postgres().configured()).isTrue();
    }
  }

  @Test
  void withoutAConfiguredServerPostgresIsLocalhost5432AndMayBeEmbedded() {
    PostgresSettings postgres = LocalRunOptions.parse(new String[0], Map.of()).postgres();

    assertThat(postgres.host()).isEqualTo("localhost");
    assertThat(postgres.port()).isEqualTo(5432);
    assertThat(postgres.configured()).isFalse();
  }

  @Test
  void theCommandKeepsItsBrokerDataAndATestRunDoesNotUnlessAsked() {
    LocalRunOptions command = LocalRunOptions.parse(new String[0], Map.of());
    LocalRunOptions test = command.onEphemeralPorts(java.nio.file.Path.of("work"));

    assertThat(command.keepKafkaData()).isTrue();
    assertThat(test.keepKafkaData()).isFalse();
    assertThat(test.keepingKafkaData(true).keepKafkaData()).isTrue();
    assertThat(test.keepingKafkaData(true).topicSuffix()).isEqualTo(test.topicSuffix());
    assertThat(test.keepingKafkaData(true).ports()).isEqualTo(test.ports());
  }

  @Test
  void aStopWaitsAMinuteForWorkInFlightUnlessToldOtherwise() {
    assertThat(LocalRunOptions.parse(new String[0], Map.of()).stopDrainTimeout())
        .isEqualTo(Duration.ofSeconds(60));
    assertThat(
            LocalRunOptions.parse(new String[] {"--stop-timeout=PT5S"}, Map.of())
                .stopDrainTimeout())
        .isEqualTo(Duration.ofSeconds(5));
    assertThatThrownBy(() -> LocalRunOptions.parse(new String[] {"--stop-timeout=-PT1S"}, Map.of()))
        .isInstanceOf(LocalRunOptions.UsageException.class);
  }

  @Test
  void unknownOptionIsRefused() {
    assertThatThrownBy(() -> LocalRunOptions.parse(new String[] {"--evnts=5"}, Map.of()))
        .isInstanceOf(LocalRunOptions.UsageException.class)
        .hasMessageContaining("--evnts=5");
  }

  @Test
  void nonPositiveRateIsRefused() {
    assertThatThrownBy(() -> LocalRunOptions.parse(new String[] {"--rate=0"}, Map.of()))
        .isInstanceOf(LocalRunOptions.UsageException.class);
  }

  @Test
  void ephemeralPortsAvoidTheContractPorts() {
    LocalRunOptions options = LocalRunOptions.parse(new String[] {"--ephemeral-ports"}, Map.of());

    assertThat(options.ports().kafka()).isNotEqualTo(9092);
    assertThat(options.ports().temporal()).isNotEqualTo(7233);
  }
}
