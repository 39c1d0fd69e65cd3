package io.paymentflow.persistence;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The database worker's own settings, bound from {@code TEMPORAL_WORKER_*}.
 *
 * @param persistenceTaskQueue the only task queue this worker polls
 * @param maxConcurrentActivities activity slots of the worker; also sizes the connection pool, so
 *     an activity never waits for a connection another activity holds
 */
@Validated
@ConfigurationProperties("temporal-worker")
record PersistenceProperties(
    @NotBlank String persistenceTaskQueue, @Min(1) @Max(200) int maxConcurrentActivities) {}
