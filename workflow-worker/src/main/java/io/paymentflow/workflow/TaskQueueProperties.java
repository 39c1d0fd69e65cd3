package io.paymentflow.workflow;

import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The three task queues of CONTRACTS section 2. This worker polls only {@code temporalTaskQueue};
 * the other two are where its workflows send their activities. Defaults: contracts' {@code
 * TaskQueues}, through app-support's {@code ContractDefaults}.
 */
@Validated
@ConfigurationProperties("temporal-worker")
public record TaskQueueProperties(
    @NotBlank String temporalTaskQueue,
    @NotBlank String inferenceTaskQueue,
    @NotBlank String persistenceTaskQueue) {}
