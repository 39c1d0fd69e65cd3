package io.paymentflow.imagesmoke;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The machine's PostgreSQL (the same one CI starts), read over JDBC: the smoke test only reads the
 * row the images wrote. Settings come from the contract's variables, defaulting to the local ones.
 */
record SmokeDatabase(String host, int port, String database, String user, String password) {

  static SmokeDatabase fromEnvironment() {
    return new SmokeDatabase(
        env("TEMPORAL_WORKER_POSTGRES_HOST", "localhost"),
        Integer.parseInt(env("TEMPORAL_WORKER_POSTGRES_PORT", "5432")),
        env("TEMPORAL_WORKER_POSTGRES_DB", "payments"),
        env("TEMPORAL_WORKER_POSTGRES_USER", "payments"),
        env("TEMPORAL_WORKER_POSTGRES_PASSWORD", "payments"));
  }

  /** The payment_events row of an event, as column name to value, if there is one yet. */
  Optional<Map<String, Object>> paymentEvent(String eventId) throws SQLException {
    String url = "jdbc:postgresql://" + host + ":" + port + "/" + database;
    try (Connection connection = DriverManager.getConnection(url, user, password);
        PreparedStatement select =
            connection.prepareStatement("SELECT * FROM payment_events WHERE event_id = ?")) {
      select.setString(1, eventId);
      try (ResultSet rows = select.executeQuery()) {
        if (!rows.next()) {
          return Optional.empty();
        }
        ResultSetMetaData meta = rows.getMetaData();
        Map<String, Object> row = new LinkedHashMap<>();
        for (int i = 1; i <= meta.getColumnCount(); i++) {
          row.put(meta.getColumnName(i), rows.getObject(i));
        }
        return Optional.of(row);
      }
    } catch (SQLException e) {
      // The table appears only once the db worker's Liquibase has run: not there yet is "no row
      // yet".
      if ("42P01".equals(e.getSQLState())) {
        return Optional.empty();
      }
      throw e;
    }
  }

  private static String env(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : value;
  }
}
