package io.paymentflow.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The monitoring component's alerts, checked and unit-tested by Prometheus's own {@code promtool}
 * (built by {@code tools/go-tools/build.sh promtool}): the rules parse and their expressions are
 * valid PromQL, and each alert fires, with the labels and text an operator reads, exactly on the
 * series of src/test/promtool/paymentflow-rules.test.yaml.
 */
class AlertRulesPromtoolTest {

  private static final Path RULE =
      Path.of("kustomize/components/monitoring/prometheusrule.yaml").toAbsolutePath();
  private static final Path TESTS = Path.of("src/test/promtool/paymentflow-rules.test.yaml");
  private static final Path BUILD_SCRIPT = Path.of("../tools/go-tools/build.sh").toAbsolutePath();

  private static Path promtool;
  private static Path work;
  private static int alerts;

  @BeforeAll
  static void promtoolAndTheRulesAsPrometheusReadsThem() throws Exception {
    Run check = run(List.of(BUILD_SCRIPT.toString(), "promtool", "--check"), Path.of("."));
    assumeTrue(
        check.exitCode() == 0,
        "promtool is not built: run tools/go-tools/build.sh promtool (needs Go); skipping the"
            + " alert rule tests");
    promtool =
        Path.of(
            run(List.of(BUILD_SCRIPT.toString(), "promtool", "--print-path"), Path.of("."))
                .stdout()
                .strip());
    work = Files.createDirectories(Path.of("target/promtool"));
    Map<String, Object> prometheusRule;
    try (Reader reader = Files.newBufferedReader(RULE)) {
      prometheusRule = new Yaml().load(reader);
    }
    alerts = Files.readString(RULE).split("- alert: ", -1).length - 1;
    // A PrometheusRule's spec is a Prometheus rule file.
    Files.writeString(
        work.resolve("paymentflow-rules.yaml"), new Yaml().dump(prometheusRule.get("spec")));
    Files.copy(
        TESTS,
        work.resolve(TESTS.getFileName()),
        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
  }

  @Test
  void theRulesAreValidPrometheusRules() throws Exception {
    Run result =
        run(List.of(promtool.toString(), "check", "rules", "paymentflow-rules.yaml"), work);

    System.out.println("promtool check rules: " + result.stdout().strip());
    assertThat(result.exitCode()).as(result.stdout() + result.stderr()).isZero();
    assertThat(result.stdout()).contains("SUCCESS: " + alerts + " rules found");
  }

  @Test
  void eachAlertFiresOnItsSeriesWithTheTextAnOperatorReads() throws Exception {
    Run result =
        run(List.of(promtool.toString(), "test", "rules", TESTS.getFileName().toString()), work);

    System.out.println("promtool test rules: " + result.stdout().strip());
    assertThat(result.exitCode()).as(result.stdout() + result.stderr()).isZero();
    assertThat(result.stdout()).contains("SUCCESS");
  }

  private record Run(int exitCode, String stdout, String stderr) {}

  private static Run run(List<String> command, Path directory) throws IOException {
    Path stderr = Files.createTempFile("promtool", ".err");
    try {
      Process process =
          new ProcessBuilder(command)
              .directory(directory.toFile())
              .redirectError(stderr.toFile())
              .start();
      String stdout = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!process.waitFor(120, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new AssertionError("timed out: " + command);
      }
      return new Run(process.exitValue(), stdout, Files.readString(stderr));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted: " + command, e);
    } finally {
      Files.deleteIfExists(stderr);
    }
  }
}
