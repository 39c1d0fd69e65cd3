package io.paymentflow.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import liquibase.Contexts;
import liquibase.LabelExpression;
import liquibase.Liquibase;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.ClassLoaderResourceAccessor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The changelog on an empty schema of its own: it applies cleanly, and a second run is a no-op.
 * Without Spring, so it proves the changelog, not the app's wiring.
 */
class LiquibaseChangelogIT {

  static final String CHANGELOG = "db/changelog/db.changelog-master.yaml";
  static final String URL =
      "jdbc:postgresql://"
          + env("TEMPORAL_WORKER_POSTGRES_HOST", "localhost")
          + ":"
          + env("TEMPORAL_WORKER_POSTGRES_PORT", "5432")
          + "/"
          + env("TEMPORAL_WORKER_POSTGRES_DB", "payments");

  private final String schema = "liquibase_it_" + UUID.randomUUID().toString().replace("-", "");

  @BeforeEach
  void createEmptySchema() throws Exception {
    try (Connection admin = connect("");
        Statement statement = admin.createStatement()) {
      statement.execute("CREATE SCHEMA " + schema);
    }
  }

  @AfterEach
  void dropSchema() throws Exception {
    try (Connection admin = connect("");
        Statement statement = admin.createStatement()) {
      statement.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
    }
  }

  @Test
  void changelogAppliesToAnEmptySchemaAndIsANoOpTheSecondTime() throws Exception {
    update();
    List<String> tablesAfterFirst = tables();
    int changeSetsAfterFirst = count("databasechangelog");

    int pendingBeforeSecond = update();

    assertThat(tablesAfterFirst)
        .contains("payment_events", "payment_events_quarantine", "databasechangelog");
    assertThat(changeSetsAfterFirst).isEqualTo(5);
    assertThat(pendingBeforeSecond).isZero();
    assertThat(count("databasechangelog")).isEqualTo(changeSetsAfterFirst);
    assertThat(tables()).isEqualTo(tablesAfterFirst);
  }

  /** Runs the changelog; returns how many change sets were pending before it ran. */
  private int update() throws Exception {
    try (Connection connection = connect(schema)) {
      Database database =
          DatabaseFactory.getInstance()
              .findCorrectDatabaseImplementation(new JdbcConnection(connection));
      try (Liquibase liquibase =
          new Liquibase(CHANGELOG, new ClassLoaderResourceAccessor(), database)) {
        int pending = liquibase.listUnrunChangeSets(new Contexts(), new LabelExpression()).size();
        liquibase.update(new Contexts(), new LabelExpression());
        return pending;
      }
    }
  }

  private List<String> tables() throws Exception {
    List<String> tables = new ArrayList<>();
    try (Connection connection = connect(schema);
        ResultSet rs =
            connection.getMetaData().getTables(null, schema, "%", new String[] {"TABLE"})) {
      while (rs.next()) {
        tables.add(rs.getString("TABLE_NAME"));
      }
    }
    return tables;
  }

  private int count(String table) throws Exception {
    try (Connection connection = connect(schema);
        ResultSet rs = connection.createStatement().executeQuery("SELECT count(*) FROM " + table)) {
      rs.next();
      return rs.getInt(1);
    }
  }

  /** A connection whose unqualified names resolve in {@code currentSchema}, when given. */
  private static Connection connect(String currentSchema) throws Exception {
    String url = currentSchema.isEmpty() ? URL : URL + "?currentSchema=" + currentSchema;
    return DriverManager.getConnection(
        url,
        env("TEMPORAL_WORKER_POSTGRES_USER", "payments"),
        env("TEMPORAL_WORKER_POSTGRES_PASSWORD", "payments"));
  }

  private static String env(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : value;
  }
}
