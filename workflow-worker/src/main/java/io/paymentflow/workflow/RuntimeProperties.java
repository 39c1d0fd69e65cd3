package io.paymentflow.workflow;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How the worker behaves as a process.
 *
 * @param shutdownGracePeriod how long in-flight workflow tasks and local activities may run after
 *     polling stops; the same value bounds Spring's shutdown phases
 * @param healthCheckTimeout deadline of the readiness check's call to Temporal; keep it below the
 *     probe's own timeout so a slow server reads as DOWN, not as a probe failure
 */
@Validated
@ConfigurationProperties("temporal-worker")
public record RuntimeProperties(
    @DefaultValue("30s") @NotNull Duration shutdownGracePeriod,
    @DefaultValue("800ms") @NotNull Duration healthCheckTimeout) {}
