package io.paymentflow.support;

import static org.assertj.core.api.Assertions.assertThat;

import io.temporal.api.common.v1.Payloads;
import io.temporal.common.converter.DataConverter;
import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class PayloadConfigurationTest {

  private final ApplicationContextRunner context =
      new ApplicationContextRunner()
          .withConfiguration(AutoConfigurations.of(PayloadConfiguration.class));

  @Test
  void metadataDecimalsCrossAppsWithTheDigitsTheUpstreamWrote() {
    context.run(
        app -> {
          DataConverter converter = app.getBean(DataConverter.class);
          Map<String, Object> metadata =
              Map.of(
                  "rate",
                  new BigDecimal("0.1234567890123456789"),
                  "huge",
                  new BigDecimal("1E+400"));

          Optional<Payloads> written = converter.toPayloads(metadata);
          @SuppressWarnings("unchecked")
          Map<String, Object> read = converter.fromPayloads(0, written, Map.class, Map.class);

          assertThat(read.get("rate")).isEqualTo(new BigDecimal("0.1234567890123456789"));
          assertThat(read.get("huge")).isEqualTo(new BigDecimal("1E+400"));
        });
  }
}
