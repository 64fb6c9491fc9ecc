package dev.followthrough.postgres;

import dev.followthrough.core.tracker.Check;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationInfoService;
import org.flywaydb.core.api.MigrationState;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * {@code doctor}'s checks of a PostgreSQL store, on read-only connections (the driver's
 * {@code readOnly} with {@code readOnlyMode=always}, so the server itself refuses any write):
 * reachable, Flyway's schema version (its {@code info}, which only reads the history table), the
 * privileges the README lists ({@code has_database_privilege}, {@code has_schema_privilege},
 * {@code has_table_privilege}) and the session that holds the run lock ({@code pg_locks} with
 * {@code pg_stat_activity}). Opening the store would migrate it, so it is not opened.
 */
final class PostgresDoctor {
  private static final List<String> TABLES = List.of("postmortems", "action_items", "sync_state", "webhook_deliveries");
  private static final List<String> TABLE_RIGHTS = List.of("SELECT", "INSERT", "UPDATE", "DELETE");
  private static final String HOLDER = "SELECT l.pid, a.usename, a.application_name, a.client_addr::text, a.backend_start"
      + " FROM pg_locks l LEFT JOIN pg_stat_activity a ON a.pid = l.pid WHERE l.locktype = 'advisory' AND l.granted"
      + " AND l.objsubid = 2 AND l.classid::bigint = ? AND l.objid::bigint = ? AND l.database = (SELECT oid FROM pg_database"
      + " WHERE datname = current_database())";

  private final PostgresSettings settings;
  private final String name;
  private final List<Check> checks = new ArrayList<>();

  PostgresDoctor(PostgresSettings settings) {
    this.settings = settings;
    this.name = settings.describe();
  }

  List<Check> run() {
    PGSimpleDataSource source = dataSource();
    try (Connection c = source.getConnection()) {
      checks.add(Check.ok("store", name + " reachable (PostgreSQL " + c.getMetaData().getDatabaseProductVersion() + ", as " + settings.user() + ")"));
      boolean schemaExists = one(c, "SELECT EXISTS (SELECT 1 FROM pg_namespace WHERE nspname = ?)", settings.schema());
      List<String> pending = version(source, schemaExists);
      privileges(c, schemaExists, !pending.isEmpty());
      if (schemaExists) {
        runLock(c);
      }
    } catch (SQLException e) {
      checks.add(Check.problem("store", "cannot connect to " + name + ": " + e.getMessage(),
          "check store.url, store.user and the variable store.password names, and that the server accepts this machine"));
    }
    return checks;
  }

  private PGSimpleDataSource dataSource() {
    PGSimpleDataSource source = new PGSimpleDataSource();
    source.setURL(settings.url());
    source.setUser(settings.user());
    source.setPassword(settings.password().reveal());
    source.setReadOnly(true);
    source.setReadOnlyMode("always");
    source.setConnectTimeout(10);
    source.setSocketTimeout(30);
    source.setApplicationName("followthrough doctor");
    return source;
  }

  /** The migrations not applied yet, as Flyway's {@code info} lists them. */
  private List<String> version(PGSimpleDataSource source, boolean schemaExists) {
    MigrationInfoService info;
    try {
      info = Flyway.configure(getClass().getClassLoader()).dataSource(source)
          .schemas(settings.schema()).defaultSchema(settings.schema())
          .locations("classpath:dev/followthrough/postgres/migration").baselineVersion("0")
          .javaMigrations(new ReportFactsMigration(new PostmortemRecords(name))).load().info();
    } catch (FlywayException e) {
      Throwable root = e;
      while (root.getCause() != null && root.getCause() != root) {
        root = root.getCause();
      }
      checks.add(Check.problem("store schema version", "the schema history cannot be read: " + root.getMessage().lines().findFirst().orElse(""),
          "grant the privileges below, then run doctor again"));
      return List.of();
    }
    List<String> pending = Arrays.stream(info.pending()).map(m -> m.getVersion() + " (" + m.getDescription() + ")").toList();
    List<MigrationInfo> future = Arrays.stream(info.all()).filter(m -> m.getState() == MigrationState.FUTURE_SUCCESS).toList();
    MigrationInfo current = info.current();
    if (!future.isEmpty()) {
      checks.add(Check.problem("store schema version", "version " + current.getVersion() + " was written by a newer release",
          "use the release that upgraded this schema"));
    } else if (!schemaExists) {
      checks.add(Check.ok("store schema version", "schema " + settings.schema() + " does not exist yet: the first command that opens"
          + " the store creates it"));
    } else if (pending.isEmpty()) {
      checks.add(Check.ok("store schema version", "current (" + current.getVersion() + ")"));
    } else {
      checks.add(Check.ok("store schema version", "at " + (current == null ? "no version" : current.getVersion()) + ", pending: "
          + String.join(", ", pending) + "; the next command that opens the store applies " + (pending.size() == 1 ? "it" : "them")));
    }
    return pending;
  }

  private void privileges(Connection c, boolean schemaExists, boolean migrating) throws SQLException {
    List<String> missing = new ArrayList<>();
    if (!one(c, "SELECT has_database_privilege(current_database(), 'CONNECT')")) {
      missing.add("CONNECT on the database");
    }
    if (!schemaExists) {
      if (!one(c, "SELECT has_database_privilege(current_database(), 'CREATE')")) {
        missing.add("CREATE on the database (to create schema " + settings.schema() + ")");
      }
    } else {
      boolean usage = one(c, "SELECT has_schema_privilege(?, 'USAGE')", settings.schema());
      if (!usage) {
        missing.add("USAGE on schema " + settings.schema());
      }
      if (migrating && !one(c, "SELECT has_schema_privilege(?, 'CREATE')", settings.schema())) {
        missing.add("CREATE on schema " + settings.schema() + " (for the pending migration)");
      }
      // Without USAGE even looking a table up is refused.
      for (String table : usage ? TABLES : List.<String>of()) {
        String qualified = settings.schema() + "." + table;
        if (!one(c, "SELECT to_regclass(quote_ident(?) || '.' || quote_ident(?)) IS NOT NULL", settings.schema(), table)) {
          continue;
        }
        for (String right : TABLE_RIGHTS) {
          if (!one(c, "SELECT has_table_privilege(quote_ident(?) || '.' || quote_ident(?), ?)", settings.schema(), table, right)) {
            missing.add(right + " on " + qualified);
          }
        }
      }
    }
    checks.add(missing.isEmpty() ? Check.ok("store privileges", settings.user() + " has what the store needs")
        : Check.problem("store privileges", settings.user() + " lacks " + String.join(", ", missing),
            "GRANT them to " + settings.user() + " (README, PostgreSQL, lists what the store needs)"));
  }

  private void runLock(Connection c) throws SQLException {
    try (PreparedStatement s = c.prepareStatement(HOLDER)) {
      s.setLong(1, Integer.toUnsignedLong(AdvisoryRunLock.KEY_CLASS));
      s.setLong(2, Integer.toUnsignedLong(settings.schema().hashCode()));
      try (ResultSet rs = s.executeQuery()) {
        if (!rs.next()) {
          checks.add(Check.ok("store lock", "free"));
          return;
        }
        String who = "held by PostgreSQL session " + rs.getInt(1) + described(" user", rs.getString(2))
            + described(" application", rs.getString(3)) + described(" from", rs.getString(4)) + described(" since", rs.getString(5));
        checks.add(Check.problem("store lock", who, "wait for the running sync or schedule to finish"));
      }
    }
  }

  private static String described(String label, String value) {
    return value == null || value.isBlank() ? "" : "," + label + " " + value;
  }

  private static boolean one(Connection c, String sql, String... parameters) throws SQLException {
    try (PreparedStatement s = c.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        s.setString(i + 1, parameters[i]);
      }
      try (ResultSet rs = s.executeQuery()) {
        return rs.next() && rs.getBoolean(1);
      }
    }
  }
}
