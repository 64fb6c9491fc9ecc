package dev.followthrough.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import dev.followthrough.core.model.ActionItem;
import dev.followthrough.core.model.Finding;
import dev.followthrough.core.model.Postmortem;
import dev.followthrough.core.store.ActionStore;
import dev.followthrough.core.store.QualityCount;
import dev.followthrough.core.store.ReportData;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Item rows written before version 5 get their findings' counts from the item they carry. */
@ExtendWith(ThrowawayPostgres.Available.class)
class QualityMigrationTest {
  @Test
  void rowsWrittenUnderVersionFourAreCountedAfterTheUpgrade() throws Exception {
    ThrowawayPostgres pg = ThrowawayPostgres.shared();
    PostgresSettings settings = pg.settings(pg.createDatabase("upgradefive")).withSchema("old");
    PostmortemRecords records = new PostmortemRecords("old");
    Flyway.configure().dataSource(settings.url(), settings.user(), settings.password().reveal())
        .schemas("old").defaultSchema("old").createSchemas(true)
        .locations("classpath:dev/followthrough/postgres/migration").javaMigrations(new ReportFactsMigration(records))
        .target("4").load().migrate();
    Finding error = new Finding("no-owner", Finding.Level.ERROR, "Nobody owns it.", "Name one person.");
    Finding warning = new Finding("vague", Finding.Level.WARNING, "It names an effort.", "Name the work.");
    Postmortem judged = new Postmortem("judged", "Judged", null, null, null, null, List.of(
        ActionItem.open("e", "E").withQuality(List.of(warning, error)),
        ActionItem.open("w", "W").withOwner("erin").withQuality(List.of(warning)),
        ActionItem.open("clean", "Clean").withOwner("erin").withQuality(List.of()),
        ActionItem.open("gone", "Gone").withOwner("erin").withQuality(List.of(error)).withMissingFromSource(true)),
        null, null);
    Postmortem older = new Postmortem("older", "Older", null, null, null, null, List.of(
        ActionItem.open("a", "A").withOwner("sam")), null, null);
    try (Connection c = DriverManager.getConnection(settings.url() + "?currentSchema=old", settings.user(),
        settings.password().reveal())) {
      for (Postmortem pm : List.of(judged, older)) {
        try (PreparedStatement s = c.prepareStatement(
            "INSERT INTO postmortems (id, version, record, updated_at) VALUES (?, 1, ?::jsonb, now())")) {
          s.setString(1, pm.id());
          s.setString(2, records.write(pm));
          s.executeUpdate();
        }
        // The rows as a version 4 release wrote them: no findings columns yet.
        ActionItemRows.write(c, pm, records, false);
      }
    }
    try (ActionStore store = settings.open()) {
      List<QualityCount> counts = store.reportData().qualityCounts();
      assertThat(counts).containsExactlyInAnyOrderElementsOf(ReportData.of(List.of(judged, older)).qualityCounts())
          .contains(new QualityCount("judged", null, 1, 1, 1, 1), new QualityCount("judged", "erin", 2, 2, 1, 0),
              new QualityCount("older", "sam", 1, 0, 0, 0));
    }
  }
}
