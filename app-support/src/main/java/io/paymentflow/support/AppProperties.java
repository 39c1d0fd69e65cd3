package io.paymentflow.support;

import io.temporal.serviceclient.GrpcCompression;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Settings every app has, bound under {@code temporal-worker}; defaults in {@link
 * ContractDefaults}.
 *
 * @param shutdownGracePeriod how long in-flight work may run on after a shutdown signal; also each
 *     Spring shutdown phase's bound
 * @param healthCheckTimeout deadline of each readiness check's call to a dependency; below the
 *     probe's own timeout, so a slow dependency reads as DOWN rather than as a failed probe
 * @param temporalGrpcCompression compression of the gRPC calls to Temporal: {@code gzip} (the SDK's
 *     default) saves bandwidth to a remote server; {@code none} saves the CPU of compressing where
 *     the server shares the host
 */
@Validated
@ConfigurationProperties("temporal-worker")
public record AppProperties(
    @NotNull Duration shutdownGracePeriod,
    @NotNull Duration healthCheckTimeout,
    @NotNull GrpcCompression temporalGrpcCompression) {}
