package io.paymentflow.contracts.payment;

import static org.assertj.core.api.Assertions.assertThat;

import io.paymentflow.contracts.event.KafkaCoordinates;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class WorkflowIdsTest {

  private static final String DLQ = "payments.validation.dlq";

  @Test
  void twoRecordsWithOneEventIdGetTwoReviews() {
    assertThat(WorkflowIds.review(KafkaCoordinates.of(DLQ, 0, 7, bytes("{}"))))
        .isEqualTo("dlq-review-payments.validation.dlq-0-7-44136fa355b3678a")
        .isNotEqualTo(WorkflowIds.review(KafkaCoordinates.of(DLQ, 0, 8, bytes("{}"))));
  }

  @Test
  void aNewRecordAtAReusedOffsetGetsAReviewOfItsOwn() {
    KafkaCoordinates first = KafkaCoordinates.of(DLQ, 0, 7, bytes("{\"a\":1}"));
    KafkaCoordinates afterTheTopicWasCreatedAgain = KafkaCoordinates.of(DLQ, 0, 7, bytes("{}"));
    KafkaCoordinates redelivered = KafkaCoordinates.of(DLQ, 0, 7, bytes("{\"a\":1}"));

    assertThat(WorkflowIds.review(afterTheTopicWasCreatedAgain))
        .isNotEqualTo(WorkflowIds.review(first));
    assertThat(WorkflowIds.review(redelivered)).isEqualTo(WorkflowIds.review(first));
  }

  @Test
  void coordinatesFromBeforeTheHashKeepTheirId() {
    assertThat(WorkflowIds.review(new KafkaCoordinates(DLQ, 0, 7)))
        .isEqualTo("dlq-review-payments.validation.dlq-0-7");
  }

  @Test
  void aReviewIdOfTheLongestAllowedTopicFitsTemporal() {
    String topic = "t".repeat(WorkflowIds.MAX_TOPIC_LENGTH);

    assertThat(
            WorkflowIds.review(
                KafkaCoordinates.of(topic, Integer.MAX_VALUE, Long.MAX_VALUE, bytes("x"))))
        .hasSize(WorkflowIds.MAX_LENGTH);
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
