package dev.followthrough.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import dev.followthrough.core.config.Secret;
import dev.followthrough.core.store.ActionStore;
import dev.followthrough.core.tracker.Check;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@code doctor}'s PostgreSQL checks against a real server, each problem planted; nothing is written. */
@ExtendWith(ThrowawayPostgres.Available.class)
class PostgresDoctorTest {
  static ThrowawayPostgres pg;
  static String database;

  @BeforeEach
  void server() {
    pg = ThrowawayPostgres.shared();
    if (database == null) {
      database = pg.createDatabase("doctor");
    }
  }

  private static List<String> diagnose(PostgresSettings settings) {
    List<Check> checks = settings.diagnose();
    List<String> lines = checks.stream().map(c -> c.outcome() + " " + c.name() + ": " + c.detail()).toList();
    assertThat(String.join("\n", lines)).doesNotContain(settings.password().reveal());
    return lines;
  }

  private static PostgresSettings migrated(String schema) {
    PostgresSettings settings = pg.settings(database).withSchema(schema);
    settings.open().close();
    return settings;
  }

  private static String query(String sql) {
    try (Connection c = DriverManager.getConnection(pg.url(database), ThrowawayPostgres.SUPERUSER, pg.password().reveal());
        Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      return rs.next() ? rs.getString(1) : null;
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void aCurrentStoreReportsItsVersionPrivilegesAndAFreeLock() {
    PostgresSettings settings = migrated("good");
    assertThat(diagnose(settings)).satisfiesExactly(
        l -> assertThat(l).startsWith("OK store: " + settings.describe() + " reachable (PostgreSQL "),
        l -> assertThat(l).isEqualTo("OK store schema version: current (5)"),
        l -> assertThat(l).isEqualTo("OK store privileges: followthrough has what the store needs"),
        l -> assertThat(l).isEqualTo("OK store lock: free"));
  }

  @Test
  void theRunLockHolderIsNamed() {
    PostgresSettings settings = migrated("locked");
    try (ActionStore store = settings.open(); ActionStore.RunLock lock = store.tryLockRun().orElseThrow()) {
      assertThat(diagnose(settings)).anyMatch(l -> l.matches("PROBLEM store lock: held by PostgreSQL session \\d+, user followthrough,"
          + " application followthrough run lock, from 127\\.0\\.0\\.1.*, since .*"));
    }
    assertThat(diagnose(settings)).contains("OK store lock: free");
  }

  @Test
  void aPendingMigrationIsNamedAndNotApplied() {
    PostgresSettings settings = migrated("behind");
    pg.execute(database, "ALTER TABLE behind.action_items DROP COLUMN findings, DROP COLUMN error_findings,"
        + " DROP COLUMN missing_from_source");
    pg.execute(database, "DELETE FROM behind.flyway_schema_history WHERE version = '5'");
    assertThat(diagnose(settings)).contains("OK store schema version: at 4, pending: 5 (item quality);"
        + " the next command that opens the store applies it");
    assertThat(query("SELECT count(*) FROM information_schema.columns WHERE table_schema = 'behind'"
        + " AND table_name = 'action_items' AND column_name = 'findings'")).as("not migrated by doctor").isEqualTo("0");
    assertThat(query("SELECT count(*) FROM behind.flyway_schema_history WHERE version = '5'")).isEqualTo("0");
  }

  @Test
  void aPendingMigrationWithoutCreateIsAPrivilegeProblem() {
    migrated("behind2");
    pg.execute(database, "ALTER TABLE behind2.action_items DROP COLUMN findings, DROP COLUMN error_findings,"
        + " DROP COLUMN missing_from_source");
    pg.execute(database, "DELETE FROM behind2.flyway_schema_history WHERE version = '5'");
    PostgresSettings app = role("ft_doc_app", "behind2");
    pg.execute(database, "GRANT USAGE ON SCHEMA behind2 TO ft_doc_app");
    pg.execute(database, "GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA behind2 TO ft_doc_app");
    assertThat(diagnose(app)).contains("PROBLEM store privileges: ft_doc_app lacks CREATE on schema behind2 (for the pending migration)");
  }

  @Test
  void aNewerSchemaIsAProblem() {
    PostgresSettings settings = migrated("newer");
    pg.execute(database, "INSERT INTO newer.flyway_schema_history (installed_rank, version, description, type, script, installed_by,"
        + " execution_time, success) VALUES (99, '99', 'later', 'SQL', 'V99__later.sql', 'followthrough', 1, true)");
    assertThat(diagnose(settings)).contains("PROBLEM store schema version: version 99 was written by a newer release");
  }

  @Test
  void aMissingSchemaIsNotCreatedAndNeedsCreateOnTheDatabase() {
    PostgresSettings app = role("ft_doc_nocreate", "absent");
    assertThat(diagnose(app)).contains(
        "OK store schema version: schema absent does not exist yet: the first command that opens the store creates it",
        "PROBLEM store privileges: ft_doc_nocreate lacks CREATE on the database (to create schema absent)");
    assertThat(query("SELECT nspname FROM pg_namespace WHERE nspname = 'absent'")).isNull();
  }

  @Test
  void tableRightsAreCheckedOneByOne() {
    migrated("readonly");
    PostgresSettings app = role("ft_doc_reader", "readonly");
    pg.execute(database, "GRANT USAGE ON SCHEMA readonly TO ft_doc_reader");
    pg.execute(database, "GRANT SELECT ON ALL TABLES IN SCHEMA readonly TO ft_doc_reader");
    pg.execute(database, "GRANT INSERT, UPDATE, DELETE ON readonly.sync_state, readonly.webhook_deliveries, readonly.action_items TO ft_doc_reader");
    assertThat(diagnose(app)).contains("PROBLEM store privileges: ft_doc_reader lacks INSERT on readonly.postmortems,"
        + " UPDATE on readonly.postmortems, DELETE on readonly.postmortems");
  }

  @Test
  void withoutUsageOnTheSchemaIsAProblem() {
    migrated("closed");
    PostgresSettings app = role("ft_doc_outsider", "closed");
    assertThat(diagnose(app)).contains("PROBLEM store schema version: the schema history cannot be read: ERROR: permission denied for schema closed")
        .anyMatch(l -> l.startsWith("PROBLEM store privileges: ft_doc_outsider lacks USAGE on schema closed"));
  }

  @Test
  void aWrongPasswordIsOneProblemWithoutThePassword() {
    PostgresSettings wrong = PostgresSettings.of(pg.url(database), ThrowawayPostgres.SUPERUSER, Secret.of("not-the-password-4711"));
    assertThat(diagnose(wrong)).singleElement().asString().startsWith("PROBLEM store: cannot connect to " + wrong.describe());
  }

  private static PostgresSettings role(String role, String schema) {
    pg.execute(database, "CREATE ROLE " + role + " LOGIN PASSWORD '" + role + "-pw'");
    pg.execute(database, "GRANT CONNECT ON DATABASE " + database + " TO " + role);
    return PostgresSettings.of(pg.url(database), role, Secret.of(role + "-pw")).withSchema(schema);
  }
}
