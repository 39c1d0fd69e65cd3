package io.paymentflow.contracts;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.temporal.common.converter.DataConverter;
import io.temporal.common.converter.DefaultDataConverter;
import io.temporal.common.converter.JacksonJsonPayloadConverter;

/**
 * The one data converter of every app: a payload written by one app is read by another.
 *
 * <p>Temporal's default JSON converter, except that a JSON number written with a fraction or an
 * exponent decodes as {@code BigDecimal}, never as {@code double}: free-form metadata reaches
 * PostgreSQL with the digits the upstream wrote, where a double would round {@code
 * 0.1234567890123456789} and turn {@code 1e400} into infinity, which no JSON column holds. Typed
 * fields are unaffected.
 */
public final class Payloads {

  private static final DataConverter CONVERTER =
      DefaultDataConverter.newDefaultInstance()
          .withPayloadConverterOverrides(new JacksonJsonPayloadConverter(mapper()));

  private Payloads() {}

  public static DataConverter converter() {
    return CONVERTER;
  }

  private static ObjectMapper mapper() {
    ObjectMapper mapper = JacksonJsonPayloadConverter.newDefaultObjectMapper();
    mapper.enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    return mapper;
  }
}
