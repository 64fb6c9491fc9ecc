package dev.followthrough.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.followthrough.core.config.Secret;
import dev.followthrough.core.model.Postmortem;
import dev.followthrough.core.store.ActionStore;
import dev.followthrough.core.store.StoreException;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** What the database user needs, as the README states it; each case with a user of just those rights. */
@ExtendWith(ThrowawayPostgres.Available.class)
class DatabasePermissionsTest {
  static ThrowawayPostgres pg;
  static String database;

  /** Each test, not the class, checks for a server, so that every test reports why it is skipped. */
  @BeforeEach
  void server() {
    pg = ThrowawayPostgres.shared();
    if (database == null) {
      database = pg.createDatabase("perms");
    }
  }

  private static PostgresSettings as(String role, String schema) {
    String password = role + "-pw";
    pg.execute(database, "CREATE ROLE " + role + " LOGIN PASSWORD '" + password + "'");
    pg.execute(database, "GRANT CONNECT ON DATABASE " + database + " TO " + role);
    return PostgresSettings.of(pg.url(database), role, Secret.of(password)).withSchema(schema);
  }

  private static void useTheStore(PostgresSettings settings) {
    try (ActionStore store = settings.open()) {
      store.insert(new Postmortem("p1", "Title", null, null, null, null, List.of(), null, null));
      assertThat(store.find("p1")).isPresent();
      try (ActionStore.RunLock lock = store.tryLockRun().orElseThrow()) {
        assertThat(lock).isNotNull();
      }
    }
  }

  @Test
  void createOnAnEmptySchemaIsEnoughToMigrateAndWork() {
    pg.execute(database, "CREATE SCHEMA migrating");
    PostgresSettings settings = as("ft_migrator", "migrating");
    pg.execute(database, "GRANT USAGE, CREATE ON SCHEMA migrating TO ft_migrator");
    useTheStore(settings);
  }

  @Test
  void createOnTheDatabaseIsEnoughWhenTheSchemaDoesNotExistYet() {
    PostgresSettings settings = as("ft_owner", "created_by_store");
    pg.execute(database, "GRANT CREATE ON DATABASE " + database + " TO ft_owner");
    useTheStore(settings);
  }

  @Test
  void aPreMigratedSchemaNeedsOnlyUsageAndTableRights() {
    pg.settings(database).withSchema("premigrated").open().close();
    PostgresSettings settings = as("ft_app", "premigrated");
    pg.execute(database, "GRANT USAGE ON SCHEMA premigrated TO ft_app");
    pg.execute(database, "GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA premigrated TO ft_app");
    useTheStore(settings);
  }

  @Test
  void withoutCreateAnUnmigratedSchemaIsAClearError() {
    pg.execute(database, "CREATE SCHEMA bare");
    PostgresSettings settings = as("ft_reader", "bare");
    pg.execute(database, "GRANT USAGE ON SCHEMA bare TO ft_reader");
    assertThatThrownBy(settings::open).isInstanceOf(StoreException.class)
        .hasMessageContaining("cannot create or upgrade the tables of " + settings.describe())
        .hasMessageContaining("permission denied");
  }
}
