package io.paymentflow.localrun;

import static org.assertj.core.api.Assertions.assertThat;

import io.paymentflow.localrun.DemoRecord.Kind;
import java.nio.charset.StandardCharsets;
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
    Set<String> payments =
        records.stream()
            .filter(r -> r.kind() == Kind.PAYMENT)
            .map(r -> new String(r.value(), StandardCharsets.UTF_8))
            .collect(Collectors.toSet());

    assertThat(records.stream().filter(r -> r.kind() == Kind.DUPLICATE))
        .isNotEmpty()
        .allSatisfy(
            d -> assertThat(payments).contains(new String(d.value(), StandardCharsets.UTF_8)));
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
