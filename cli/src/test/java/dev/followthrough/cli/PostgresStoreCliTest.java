package dev.followthrough.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.followthrough.core.model.ActionItem;
import dev.followthrough.core.store.ActionStore;
import dev.followthrough.core.store.StoredPostmortem;
import dev.followthrough.postgres.PostgresSettings;
import dev.followthrough.postgres.ThrowawayPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command line on a real PostgreSQL server, configured as a user would: the password comes
 * from the environment through {@code ${PGPASS}}. Each command runs in its own JVM, as it would
 * from a shell, so nothing but the database carries state from one command to the next.
 */
class PostgresStoreCliTest {
  @TempDir Path dir;
  ThrowawayPostgres pg;
  PostgresSettings settings;
  Path config;

  @BeforeEach
  void setUp() throws IOException {
    pg = ThrowawayPostgres.shared();
    settings = pg.settings(pg.createDatabase("cli"));
    // Block style: in a flow mapping ({...}) YAML reads the braces of ${PGPASS} as its own.
    config = Files.writeString(dir.resolve("followthrough.yaml"), """
        store:
          type: postgres
          url: %s
          user: %s
          password: ${PGPASS}
        tracker: {type: test-memory, labels: [postmortem]}
        """.formatted(settings.url(), settings.user()));
    Files.writeString(dir.resolve("pm.md"), TicketLifecycleCliTest.DOC);
  }

  private CliRunner.Result cli(String... args) throws Exception {
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(List.of("--config", config.toString()));
    CliRunner.Result run = CliProcess.run(dir, Map.of("PGPASS", pg.password().reveal()), all.toArray(String[]::new));
    assertThat(run.out() + run.err()).doesNotContain(pg.password().reveal());
    return run;
  }

  @Test
  void importListReportAndSyncWorkOnThePostgresStore() throws Exception {
    CliRunner.Result imported = cli("import", "pm.md");
    assertThat(imported.exit()).as(imported.err()).isZero();
    assertThat(dir.resolve(".followthrough")).as("nothing is written beside the config").doesNotExist();

    CliRunner.Result list = cli("list");
    assertThat(list.exit()).as(list.err()).isZero();
    assertThat(list.out()).contains("alert-on-queue-age").contains("drain-the-backlog").contains("erin");

    // Filters are answered by the store in SQL: by owner (case and @ ignored), by status and postmortem.
    assertThat(cli("list", "--owner", "@Erin").out()).contains("alert-on-queue-age").doesNotContain("drain-the-backlog");
    assertThat(cli("list", "--status", "DONE").out()).contains("No action items match.");
    assertThat(cli("list", "--postmortem", "nope", "--format", "json").out()).contains("actionItems").doesNotContain("alert-on-queue-age");

    CliRunner.Result report = cli("report", "--as-of", "2025-06-01", "--format", "csv");
    assertThat(report.exit()).as(report.err()).isZero();
    assertThat(report.out()).contains("Alert on queue age").contains("2025-05-10").contains("22");

    CliRunner.Result sync = cli("sync");
    assertThat(sync.exit()).as(sync.out() + sync.err()).isZero();
    assertThat(cli("list").out()).contains("MEM-1").contains("MEM-2");

    try (ActionStore store = settings.open()) {
      StoredPostmortem stored = store.findAll().get(0);
      assertThat(stored.postmortem().actionItems()).hasSize(2)
          .allSatisfy(i -> assertThat(i.tickets()).hasSize(1));
      assertThat(stored.version()).as("the import and the sync's writes").isGreaterThan(1);
      assertThat(stored.postmortem().actionItems()).extracting(ActionItem::owner).containsExactly("erin", "sam");
    }
  }

  @Test
  void debugLoggingOfTheDriverPoolAndMigrationsNeverShowsThePassword() throws Exception {
    CliRunner.Result debug = cli("list", "--debug");
    assertThat(debug.exit()).as(debug.err()).isZero();
    // The pool and Flyway did log at debug level, so the check in cli() saw their output.
    assertThat(debug.err()).contains("com.zaxxer.hikari").contains("org.flywaydb");
  }

  @Test
  void aWrongPasswordIsAClearErrorWithoutThePassword() throws Exception {
    Files.writeString(config, Files.readString(config).replace("${PGPASS}", "${PGPASS}-wrong"));
    CliRunner.Result list = cli("list");
    assertThat(list.exit()).isNotZero();
    assertThat(list.err()).contains("cannot connect to postgres " + settings.url())
        .contains("password authentication failed");
  }
}
