package io.paymentflow.workflow;

import io.paymentflow.contracts.TaskQueues;
import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The three task queues of CONTRACTS section 2. This worker polls only {@code temporalTaskQueue};
 * the other two are where its workflows send their activities.
 */
@Validated
@ConfigurationProperties("temporal-worker")
public record TaskQueueProperties(
    @DefaultValue(TaskQueues.PAYMENT_PROCESSING) @NotBlank String temporalTaskQueue,
    @DefaultValue(TaskQueues.INFERENCE) @NotBlank String inferenceTaskQueue,
    @DefaultValue(TaskQueues.PERSISTENCE) @NotBlank String persistenceTaskQueue) {}
