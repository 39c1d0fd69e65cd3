package io.paymentflow.bridge.redrive;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How the bridge looks for runs that ended without finishing ({@code temporal-worker.redrive.*}).
 *
 * @param scanInterval how often the runs are counted for {@code paymentflow_runs_to_redrive}
 * @param maxRuns the most runs one scan or one listing reads, so a mass failure cannot make a scan
 *     endless; the gauge then reads at least this many
 */
@Validated
@ConfigurationProperties("temporal-worker.redrive")
record RedriveProperties(
    @NotNull @DefaultValue("1m") Duration scanInterval,
    @Min(1) @Max(100_000) @DefaultValue("1000") int maxRuns) {}
