package io.paymentflow.localrun;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Drives {@code ./run-local --events=1000 --exit-after-demo} headless, on free ports so that it can
 * run beside a developer's own local system, and checks the reconciliation it prints.
 */
class LocalRunIT {

  @Test
  void demoOfThousandEventsEndsWithEveryRecordAccountedFor(@TempDir Path work) {
    LocalRunOptions options =
        LocalRunOptions.parse(
                new String[] {"--events=1000", "--rate=250", "--exit-after-demo"},
                Map.of("PAYMENTFLOW_HOME", ".."))
            .onEphemeralPorts(work);
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    PrintStream out = new PrintStream(new Tee(captured, System.out), true, StandardCharsets.UTF_8);

    int exitCode = LocalRun.run(options, out);

    String printed = captured.toString(StandardCharsets.UTF_8);
    assertThat(printed).contains("paymentflow is up.");
    assertThat(printed).containsPattern("Kafka records published\\s+1000 ");
    assertThat(printed).containsPattern("duplicate rows\\s+0 ");
    assertThat(printed).containsPattern("lost\\s+0\\n");
    assertThat(printed).contains("OK: every record accounted for, nothing doubled");
    assertThat(exitCode).isZero();
  }

  /** Shows the run live in the test log while keeping a copy to assert on. */
  private static final class Tee extends OutputStream {
    private final OutputStream first;
    private final OutputStream second;

    Tee(OutputStream first, OutputStream second) {
      this.first = first;
      this.second = second;
    }

    @Override
    public void write(int b) throws java.io.IOException {
      first.write(b);
      second.write(b);
    }

    @Override
    public void write(byte[] b, int off, int len) throws java.io.IOException {
      first.write(b, off, len);
      second.write(b, off, len);
    }
  }
}
