package io.paymentflow.embeddedpostgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A real server from the Maven bundle, in a private temp directory, on a free port. */
class EmbeddedPostgresIT {

  @TempDir Path base;
  private final int port = freePort();
  private EmbeddedPostgres server;

  @AfterEach
  void stop() {
    if (server != null) {
      server.stop();
    }
  }

  @Test
  void aFreshServerServesTheRoleAndDatabaseItWasAskedFor() throws Exception {
    server = EmbeddedPostgres.start(base, port);
    server.ensureDatabase("payments", "payments", "secret-1");

    try (Connection c =
        DriverManager.getConnection(server.jdbcUrl("payments"), "payments", "secret-1")) {
      assertThat(scalar(c, "SELECT current_user")).isEqualTo("payments");
      assertThat(scalar(c, "SHOW server_version")).startsWith("15.");
      assertThat(scalar(c, "SHOW server_encoding")).isEqualTo("UTF8");
    }
  }

  @Test
  void everyLoginNeedsItsPassword() {
    server = EmbeddedPostgres.start(base, port);
    server.ensureDatabase("payments", "payments", "secret-1");

    assertThatThrownBy(
            () -> DriverManager.getConnection(server.jdbcUrl("payments"), "payments", "wrong"))
        .isInstanceOf(SQLException.class)
        .hasMessageContaining("password authentication failed");
    assertThatThrownBy(
            () -> DriverManager.getConnection(server.jdbcUrl("postgres"), "postgres", "postgres"))
        .isInstanceOf(SQLException.class);
  }

  @Test
  void rowsSurviveAStopAndAStartOnTheSameData() throws Exception {
    server = EmbeddedPostgres.start(base, port);
    server.ensureDatabase("payments", "payments", "pw");
    execute("CREATE TABLE kept (v text)", "INSERT INTO kept VALUES ('still here')");
    server.stop();
    assertThat(TcpProbe.accepts("localhost", port)).isFalse();

    server = EmbeddedPostgres.start(base, port);

    try (Connection c = DriverManager.getConnection(server.jdbcUrl("payments"), "payments", "pw")) {
      assertThat(scalar(c, "SELECT v FROM kept")).isEqualTo("still here");
    }
  }

  @Test
  void anotherProcessFindsTheServerByItsPortAndCanActAsSuperuser() throws Exception {
    server = EmbeddedPostgres.start(base, port);

    EmbeddedPostgres found = EmbeddedPostgres.runningOn(port).orElseThrow();

    try (Connection c = found.connectAsSuperuser("postgres")) {
      assertThat(scalar(c, "SELECT rolsuper::text FROM pg_roles WHERE rolname = current_user"))
          .isEqualTo("true");
    }
    server.stop();
    assertThat(EmbeddedPostgres.runningOn(port)).isEmpty();
  }

  @Test
  void theSuperuserPasswordIsReadableByItsOwnerOnly() throws IOException {
    server = EmbeddedPostgres.start(base, port);

    assertThat(
            PosixFilePermissions.toString(
                Files.getPosixFilePermissions(base.resolve("superuser-password"))))
        .isEqualTo("rw-------");
  }

  @Test
  void aWatchedServerOutlivesItsStarterAndStopsWhenItsLastAnchorExits() throws Exception {
    server = EmbeddedPostgres.start(base, port);
    Process first = new ProcessBuilder("sleep", "1").start();
    Process second = new ProcessBuilder("sleep", "4").start();
    server.stopWhenAllExit(first.toHandle());
    server.stopWhenAllExit(second.toHandle());

    assertThat(first.waitFor(10, TimeUnit.SECONDS)).isTrue();
    await("up while the second anchor lives")
        .during(Duration.ofSeconds(2))
        .atMost(Duration.ofSeconds(3))
        .until(() -> TcpProbe.accepts("localhost", port));
    assertThat(second.waitFor(10, TimeUnit.SECONDS)).isTrue();
    await("down after the last anchor")
        .atMost(Duration.ofSeconds(30))
        .until(() -> !TcpProbe.accepts("localhost", port));
  }

  private void execute(String... statements) throws SQLException {
    try (Connection c = DriverManager.getConnection(server.jdbcUrl("payments"), "payments", "pw");
        Statement s = c.createStatement()) {
      for (String statement : statements) {
        s.execute(statement);
      }
    }
  }

  private static String scalar(Connection c, String query) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rows = s.executeQuery(query)) {
      rows.next();
      return rows.getString(1);
    }
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
