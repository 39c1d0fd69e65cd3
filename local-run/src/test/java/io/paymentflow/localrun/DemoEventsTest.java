package io.paymentflow.localrun;

import static org.assertj.core.api.Assertions.assertThat;

import io.paymentflow.localrun.DemoRecord.Kind;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class DemoEventsTest {

  private final List<DemoRecord> records = new DemoEvents("run1", "in", "dlq", 42).generate(1000);

  @Test
  void mixHasEveryKind() {
    Set<Kind> kinds = records.stream().map(DemoRecord::kind).collect(Collectors.toSet());

    assertThat(kinds).containsExactlyInAnyOrder(Kind.values());
  }

  @Test
  void duplicatesRepeatAnEarlierPaymentExactly() {
    for (DemoRecord duplicate : records.stream().filter(r -> r.kind() == Kind.DUPLICATE).toList()) {
      assertThat(records)
          .anySatisfy(
              original -> {
                assertThat(original.kind()).isEqualTo(Kind.PAYMENT);
                assertThat(original.value()).isEqualTo(duplicate.value());
              });
    }
  }

  @Test
  void paymentEventIdsAreDistinctAndCarryTheMarker() {
    List<String> ids =
        records.stream().filter(r -> r.kind() == Kind.PAYMENT).map(DemoRecord::eventId).toList();

    assertThat(ids).doesNotHaveDuplicates().allMatch(id -> id.contains(":demo-run1-"));
  }

  @Test
  void sameSeedSameStream() {
    List<DemoRecord> again = new DemoEvents("run1", "in", "dlq", 42).generate(1000);

    assertThat(again)
        .extracting(r -> new String(r.value(), java.nio.charset.StandardCharsets.ISO_8859_1))
        .containsExactlyElementsOf(
            records.stream()
                .map(r -> new String(r.value(), java.nio.charset.StandardCharsets.ISO_8859_1))
                .toList());
  }
}
