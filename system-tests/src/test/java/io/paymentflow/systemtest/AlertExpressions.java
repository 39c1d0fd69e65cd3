package io.paymentflow.systemtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.yaml.snakeyaml.Yaml;

/**
 * An alert of the monitoring component's PrometheusRule, evaluated by Prometheus's own {@code
 * promtool} on a value the running system reported: the proof that the alert's expression sees what
 * the metric says, with the labels Prometheus adds when it scrapes a pod ({@code app}, {@code
 * namespace}).
 */
final class AlertExpressions {

  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
  private static final Path RULE =
      ROOT.resolve("deploy/kustomize/components/monitoring/prometheusrule.yaml");
  private static final Path BUILD = ROOT.resolve("tools/go-tools/build.sh");

  private AlertExpressions() {}

  /**
   * Runs promtool on the alert's expression over one series of {@code metric} holding {@code
   * value}, and asserts the expression returns it.
   *
   * @return promtool's verdict, for the report
   */
  static String fire(String alert, String metric, double value) throws Exception {
    assumeTrue(
        run(List.of(BUILD.toString(), "promtool", "--check"), ROOT).exitCode() == 0,
        "promtool is not built: run tools/go-tools/build.sh promtool (needs Go)");
    String promtool =
        run(List.of(BUILD.toString(), "promtool", "--print-path"), ROOT).out().strip();
    String expression = expression(alert);
    Path work = Files.createTempDirectory("alert-expression");
    String labels =
        "namespace=\"suite\",status=\"terminated\",workflow_type=\"PaymentEventWorkflow\"";
    Files.writeString(
        work.resolve("test.yaml"),
        """
        rule_files: []
        evaluation_interval: 1m
        tests:
          - interval: 1m
            input_series:
              - series: '%s{app="kafka-bridge",%s}'
                values: '%sx5'
            promql_expr_test:
              - expr: '%s'
                eval_time: 5m
                exp_samples:
                  - labels: '{%s}'
                    value: %s
        """
            .formatted(
                metric,
                labels,
                num(value),
                expression.strip().replace("'", "''"),
                labels,
                num(value)));
    Run result = run(List.of(promtool, "test", "rules", "test.yaml"), work);
    assertThat(result.exitCode()).as(alert + ": " + result.out()).isZero();
    return "promtool: " + alert + " expression fires on " + num(value);
  }

  @SuppressWarnings("unchecked")
  private static String expression(String alert) throws IOException {
    Map<String, Object> rule = new Yaml().load(Files.readString(RULE));
    Map<String, Object> spec = (Map<String, Object>) rule.get("spec");
    for (Map<String, Object> group : (List<Map<String, Object>>) spec.get("groups")) {
      for (Map<String, Object> each : (List<Map<String, Object>>) group.get("rules")) {
        if (alert.equals(each.get("alert"))) {
          return (String) each.get("expr");
        }
      }
    }
    throw new IllegalArgumentException("no alert " + alert + " in " + RULE);
  }

  private static String num(double value) {
    return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
  }

  private record Run(int exitCode, String out) {}

  private static Run run(List<String> command, Path directory) throws Exception {
    Process process =
        new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true).start();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(120, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("timed out: " + command);
    }
    return new Run(process.exitValue(), out);
  }
}
