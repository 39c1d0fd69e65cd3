package io.paymentflow.contracts.event;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StorableTextTest {

  @Test
  void pairedSurrogatesAndOrdinaryControlCharactersAreStorable() {
    assertThat(StorableText.problem("\uD83D\uDE00 tab\t bell\u0007 del\u007F")).isNull();
  }

  @Test
  void nulAndLoneSurrogatesAreNot() {
    assertThat(StorableText.problem("a\u0000")).isEqualTo("NUL_CHARACTER");
    assertThat(StorableText.problem("\uD800x")).isEqualTo("UNPAIRED_SURROGATE");
    assertThat(StorableText.problem("x\uDC00")).isEqualTo("UNPAIRED_SURROGATE");
    assertThat(StorableText.problem("\uD83D")).isEqualTo("UNPAIRED_SURROGATE");
  }

  @Test
  void sanitizedReplacesOnlyWhatCannotBeStored() {
    assertThat(StorableText.sanitized("a\u0000b\uD800c\uD83D\uDE00"))
        .isEqualTo("a\uFFFDb\uFFFDc\uD83D\uDE00");
    assertThat(StorableText.sanitized("plain")).isSameAs("plain");
  }
}
