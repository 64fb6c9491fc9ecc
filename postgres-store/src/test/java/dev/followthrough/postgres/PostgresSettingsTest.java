package dev.followthrough.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.followthrough.core.config.ConfigException;
import dev.followthrough.core.config.FollowthroughConfig;
import dev.followthrough.core.config.Secret;
import dev.followthrough.core.store.ActionStore;
import dev.followthrough.core.store.StoreException;
import dev.followthrough.core.store.StoreProvider;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The {@code store:} section of type postgres, and that its password is never shown. */
class PostgresSettingsTest {
  private static final String PASSWORD = "s3cret-Hunter2-pw";
  private static final Map<String, String> ENV = Map.of("PGPASS", PASSWORD);

  private static FollowthroughConfig parse(String yaml) {
    return FollowthroughConfig.parse(yaml, "followthrough.yaml", ENV::get);
  }

  @Test
  void theProviderIsFoundByItsType() {
    assertThat(StoreProvider.forType("postgres")).get().isInstanceOf(PostgresStoreProvider.class);
  }

  @Test
  void aFullSectionIsRead() {
    FollowthroughConfig config = parse("""
        store: {type: postgres, url: "jdbc:postgresql://db.example.com:5433/ft?sslmode=require", user: ft,
                password: "${PGPASS}", schema: team_a, poolSize: 7}
        """);
    assertThat(config.store()).isEqualTo(new PostgresSettings("jdbc:postgresql://db.example.com:5433/ft?sslmode=require",
        "ft", Secret.of(PASSWORD), "team_a", 7));
    assertThat(config.store().describe())
        .isEqualTo("postgres jdbc:postgresql://db.example.com:5433/ft?sslmode=require (schema team_a)");
  }

  @Test
  void schemaAndPoolSizeHaveDefaults() {
    PostgresSettings s = (PostgresSettings) parse("store: {type: postgres, url: jdbc:postgresql://db/ft, user: ft, password: x}\n").store();
    assertThat(s.schema()).isEqualTo("public");
    assertThat(s.poolSize()).isEqualTo(PostgresSettings.DEFAULT_POOL_SIZE);
    assertThat(s.describe()).isEqualTo("postgres jdbc:postgresql://db/ft");
  }

  @Test
  void everyProblemIsReportedAtOnce() {
    ConfigException e = catchThrowableOfType(ConfigException.class, () -> parse(
        "store: {type: postgres, url: 'postgres://db/ft', schema: Team-A, poolSize: lots, colour: red}\n"));
    assertThat(e.getMessage())
        .contains("store.url: must start with jdbc:postgresql://")
        .contains("store.user: must be given")
        .contains("store.password: must be given")
        .contains("store.schema: 'Team-A' must be a lower-case SQL identifier")
        .contains("store.poolSize: 'lots' must be a whole number from 1 to 100")
        .contains("store.colour: unknown key");
  }

  @Test
  void aPasswordInTheUrlIsRefusedWithoutRepeatingIt() {
    Throwable e = catchThrowable(() -> parse(
        "store: {type: postgres, url: 'jdbc:postgresql://db/ft?user=ft&password=" + PASSWORD + "', user: ft, password: x}\n"));
    assertThat(e).isInstanceOf(ConfigException.class).hasMessageContaining("must not carry user or password parameters");
    assertThat(e.getMessage()).doesNotContain(PASSWORD);
  }

  @Test
  void thePasswordNeverAppearsInDescriptionsOrToString() {
    FollowthroughConfig config = parse("store: {type: postgres, url: jdbc:postgresql://db/ft, user: ft, password: '${PGPASS}'}\n");
    assertThat(config.store().describe()).doesNotContain(PASSWORD);
    assertThat(config.store().toString()).doesNotContain(PASSWORD).contains("****");
    assertThat(config.toString()).doesNotContain(PASSWORD);
    PostgresSettings direct = new PostgresSettings("jdbc:postgresql://db/ft?password=" + PASSWORD, "ft",
        Secret.of(PASSWORD), "public", 1);
    assertThat(direct.describe()).doesNotContain(PASSWORD);
    assertThat(direct.toString()).doesNotContain(PASSWORD);
  }

  @Test
  void aRefusedLoginNamesTheStoreButNotThePassword() {
    ThrowawayPostgres pg = ThrowawayPostgres.shared();
    PostgresSettings wrong = PostgresSettings.of(pg.url("postgres"), ThrowawayPostgres.SUPERUSER, Secret.of(PASSWORD));
    Throwable e = catchThrowable(wrong::open);
    assertThat(e).isInstanceOf(StoreException.class).hasMessageContaining("cannot connect to " + wrong.describe())
        .hasMessageContaining("password authentication failed");
    for (Throwable t = e; t != null; t = t.getCause()) {
      assertThat(String.valueOf(t.getMessage())).doesNotContain(PASSWORD);
      assertThat(t.toString()).doesNotContain(PASSWORD);
    }
  }

  @Test
  void anOpenStoreDescribesItselfWithoutThePassword() {
    ThrowawayPostgres pg = ThrowawayPostgres.shared();
    PostgresSettings settings = pg.settings(pg.createDatabase("describe"));
    try (ActionStore store = settings.open()) {
      assertThat(store.describe()).isEqualTo("postgres " + settings.url()).doesNotContain(pg.password().reveal());
      assertThat(store.toString()).doesNotContain(pg.password().reveal());
    }
  }
}
