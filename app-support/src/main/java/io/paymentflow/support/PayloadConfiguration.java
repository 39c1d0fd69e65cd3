package io.paymentflow.support;

import io.paymentflow.contracts.Payloads;
import io.temporal.common.converter.DataConverter;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Every app writes and reads Temporal payloads with {@link Payloads#converter()}: the Temporal
 * starter uses the one {@code DataConverter} bean it finds for its client and workers.
 */
@AutoConfiguration
public class PayloadConfiguration {

  @Bean
  DataConverter mainDataConverter() {
    return Payloads.converter();
  }
}
