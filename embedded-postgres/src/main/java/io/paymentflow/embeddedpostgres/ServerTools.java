package io.paymentflow.embeddedpostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the bundle's {@code initdb} and {@code pg_ctl}, never as root.
 *
 * <p>PostgreSQL refuses to run as root, and CI and containers often are root. There the tools run
 * in a user namespace that maps root to {@code nobody} ({@code unshare --map-user}, util-linux):
 * the server sees an unprivileged user, while the files it writes belong to root outside, so the
 * data directory can live anywhere root can write (a checkout in a private temp folder included),
 * with no {@code chown} and no system account.
 */
final class ServerTools {

  private static final int NOBODY = 65534;
  private static final Duration TIMEOUT = Duration.ofMinutes(2);

  private final PostgresBinaries binaries;
  private final boolean root;

  ServerTools(PostgresBinaries binaries) {
    this.binaries = binaries;
    this.root = isRoot();
  }

  /** The command line that runs {@code tool} with {@code args} as an unprivileged user. */
  List<String> command(String tool, List<String> args) {
    List<String> command = new ArrayList<>();
    if (root) {
      command.addAll(
          List.of("unshare", "--user", "--map-user=" + NOBODY, "--map-group=" + NOBODY, "--"));
    }
    command.add(binaries.tool(tool).toString());
    command.addAll(args);
    return command;
  }

  /** Runs a tool to completion; its output is in the exception when it fails. */
  String run(String tool, List<String> args) {
    List<String> command = command(tool, args);
    try {
      Path output = Files.createTempFile("pf-postgres-" + tool + "-", ".log");
      try {
        Process process =
            new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(output.toFile())
                .start();
        process.getOutputStream().close();
        boolean done = process.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        String printed = Files.readString(output, StandardCharsets.UTF_8).strip();
        if (!done) {
          process.destroyForcibly();
          throw new EmbeddedPostgresException(
              tool + " did not finish in " + TIMEOUT + ": " + printed);
        }
        if (process.exitValue() != 0) {
          throw new EmbeddedPostgresException(
              String.join(" ", command) + " exited " + process.exitValue() + ":\n" + printed);
        }
        return printed;
      } finally {
        Files.deleteIfExists(output);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot run " + command.get(0), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new EmbeddedPostgresException("interrupted while running " + tool);
    }
  }

  private static boolean isRoot() {
    try {
      return ((Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid")) == 0;
    } catch (IOException | UnsupportedOperationException notLinux) {
      return false;
    }
  }
}
