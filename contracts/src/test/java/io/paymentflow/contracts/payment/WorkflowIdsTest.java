package io.paymentflow.contracts.payment;

import static org.assertj.core.api.Assertions.assertThat;

import io.paymentflow.contracts.event.KafkaCoordinates;
import org.junit.jupiter.api.Test;

class WorkflowIdsTest {

  @Test
  void twoRecordsWithOneEventIdGetTwoReviews() {
    assertThat(WorkflowIds.review(new KafkaCoordinates("payments.validation.dlq", 0, 7)))
        .isEqualTo("dlq-review-payments.validation.dlq-0-7")
        .isNotEqualTo(WorkflowIds.review(new KafkaCoordinates("payments.validation.dlq", 0, 8)));
  }

  @Test
  void aReviewIdOfTheLongestAllowedTopicFitsTemporal() {
    String topic = "t".repeat(WorkflowIds.MAX_TOPIC_LENGTH);

    assertThat(WorkflowIds.review(new KafkaCoordinates(topic, Integer.MAX_VALUE, Long.MAX_VALUE)))
        .hasSize(WorkflowIds.MAX_LENGTH);
  }
}
