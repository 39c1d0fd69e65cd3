package io.paymentflow.workflow.review;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * @param window how long a quarantined record waits for an operator's decision before it expires.
 *     Read once at worker start and handed to each new {@link DLQReviewWorkflowImpl}. A change
 *     applies to reviews that start waiting afterwards: a running review keeps the timer it already
 *     started, and replaying it with another window is safe because Temporal matches a timer on
 *     replay by its id only, not its duration.
 */
@Validated
@ConfigurationProperties("temporal-worker.review")
public record ReviewProperties(@NotNull Duration window) {

  public ReviewProperties {
    if (window != null && (window.isNegative() || window.isZero())) {
      throw new IllegalArgumentException("temporal-worker.review.window must be positive");
    }
  }
}
