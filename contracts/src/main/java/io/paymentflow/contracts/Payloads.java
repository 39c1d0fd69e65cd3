package io.paymentflow.contracts;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
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
 *
 * <p>Numbers are bounded ({@link #MAX_NUMBER_LENGTH}) as this converter writes them, which can be
 * longer than the upstream wrote them; {@link #writtenNumberLength} measures that, so that the
 * storable-event rules refuse at the bridge a number the apps could not pass on unchanged.
 */
public final class Payloads {

  /**
   * The most digits (integer, fraction and exponent together) a number may have as this converter
   * writes it: the storable-event rules refuse a longer one at the bridge. The same bound as the
   * bridge's own reader of records (Jackson's default), so a number that passes both is written and
   * read back unchanged by every app.
   */
  public static final int MAX_NUMBER_LENGTH = 1000;

  /**
   * What this converter reads: more than it lets through, so that inputs written before {@link
   * #MAX_NUMBER_LENGTH} was a rule still decode. A number the bridge read with at most 1000 digits
   * is written back with at most 1000 digits and an exponent of at most 10; such runs, stuck on a
   * workflow task that could not decode their input, go on once a worker reads this far.
   */
  static final int MAX_READ_NUMBER_LENGTH = MAX_NUMBER_LENGTH + 100;

  private static final ObjectMapper MAPPER = mapper();

  private static final DataConverter CONVERTER =
      DefaultDataConverter.newDefaultInstance()
          .withPayloadConverterOverrides(new JacksonJsonPayloadConverter(MAPPER));

  private Payloads() {}

  public static DataConverter converter() {
    return CONVERTER;
  }

  /**
   * How many digits {@code number} has once this converter has written it, as a reader counts them.
   * A {@code BigDecimal} is written in scientific notation whenever its scale is negative ({@code
   * 9…9e1} of 999 digits becomes {@code 9.9…9E+998}, 1001 digits), so the written form can be
   * longer than the one the upstream sent.
   */
  public static int writtenNumberLength(Number number) {
    try {
      String written = MAPPER.writeValueAsString(number);
      int digits = 0;
      for (int i = 0; i < written.length(); i++) {
        if (Character.isDigit(written.charAt(i))) {
          digits++;
        }
      }
      return digits;
    } catch (JsonProcessingException e) {
      return Integer.MAX_VALUE; // not writable at all: longer than any bound
    }
  }

  private static ObjectMapper mapper() {
    ObjectMapper mapper = JacksonJsonPayloadConverter.newDefaultObjectMapper();
    mapper.enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    mapper
        .getFactory()
        .setStreamReadConstraints(
            StreamReadConstraints.builder().maxNumberLength(MAX_READ_NUMBER_LENGTH).build());
    return mapper;
  }
}
