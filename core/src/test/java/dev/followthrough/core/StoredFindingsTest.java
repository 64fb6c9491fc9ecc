package dev.followthrough.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.followthrough.core.importer.PostmortemImporter;
import dev.followthrough.core.json.JsonFormat;
import dev.followthrough.core.model.ActionItem;
import dev.followthrough.core.model.Finding;
import dev.followthrough.core.model.Postmortem;
import dev.followthrough.core.quality.LintSettings;
import dev.followthrough.core.quality.QualityRule;
import dev.followthrough.core.store.ActionStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Findings are computed when a document is read, stored with its items, and follow the document on re-import. */
class StoredFindingsTest {
  @TempDir Path dir;
  final Clock clock = Clock.fixed(Instant.parse("2025-06-01T12:00:00Z"), ZoneOffset.UTC);

  static final String DOC = "# Disk full\n\n- Duration: 2025-05-01 10:00 to 2025-05-01 12:00 (UTC)\n\n## Action items\n\n"
      + "- Add an alert on disk usage above 90% of the build agents owner: @noor due: 2025-06-10\n"
      + "- Improve cleanup\n";

  Followthrough followthrough(PostmortemImporter importer) {
    return Followthrough.builder().store(ActionStore.directory(dir.resolve("store"))).clock(clock).importer(importer)
        .build();
  }

  Path write(String text) throws IOException {
    return Files.writeString(dir.resolve("pm.md"), text);
  }

  static List<String> rules(ActionItem item) {
    return item.quality().stream().map(Finding::rule).toList();
  }

  @Test
  void importStoresEachItemsFindingsJudgedBeforeThePolicy() throws IOException {
    Followthrough ft = followthrough(PostmortemImporter.create());
    ft.importDocument(write(DOC));
    Postmortem stored = ft.postmortems().get(0);
    ActionItem alert = stored.actionItems().get(0);
    ActionItem vague = stored.actionItems().get(1);
    assertThat(rules(alert)).containsExactly("no-criterion");
    // The policy gave it a due date; the finding says the document did not.
    assertThat(vague.dueDate()).isNotNull();
    assertThat(rules(vague)).contains("vague", "no-owner", "no-due-date", "no-criterion");
    assertThat(vague.quality()).filteredOn(f -> f.rule().equals("no-owner")).extracting(Finding::level)
        .containsExactly(Finding.Level.ERROR);
    assertThat(stored.quality()).extracting(Finding::rule).containsExactly("no-prevention-item");
    assertThat(JsonFormat.json().write(ft.parse(dir.resolve("pm.md")))).contains("\"rule\" : \"no-owner\"");
  }

  @Test
  void reimportRecomputesFindingsFromTheDocumentWithoutConflicts() throws IOException {
    Followthrough ft = followthrough(PostmortemImporter.create());
    ft.importDocument(write(DOC));
    Postmortem stored = ft.postmortems().get(0);
    // Findings in the store that no longer agree with the document (or were never computed).
    var current = ft.store().find(stored.id()).orElseThrow();
    ft.store().update(stored.withItem(stored.actionItems().get(1).withQuality(List.of()))
        .withItem(stored.actionItems().get(0).withQuality(null)).withQuality(null), current.version());

    ImportResult same = ft.importDocument(write(DOC));

    assertThat(same.changed()).isZero();
    assertThat(same.unchanged()).isEqualTo(2);
    Postmortem again = ft.postmortems().get(0);
    assertThat(again).isEqualTo(stored);

    ImportResult edited = ft.importDocument(write(DOC.replace("- Improve cleanup", "- Improve cleanup owner: @sam")));

    assertThat(edited.changed()).isEqualTo(1);
    ActionItem owned = ft.postmortems().get(0).actionItems().get(1);
    assertThat(rules(owned)).contains("vague").doesNotContain("no-owner");
    assertThat(owned.history()).noneMatch(h -> h.field().startsWith("conflict:") || h.field().equals("quality"));
  }

  @Test
  void lintRuleLevelsApplyToStoredFindings() throws IOException {
    LintSettings lint = LintSettings.standard().withLevel(QualityRule.NO_CRITERION, QualityRule.Level.OFF)
        .withLevel(QualityRule.VAGUE, QualityRule.Level.ERROR);
    Followthrough ft = followthrough(PostmortemImporter.create().withLint(lint));
    ft.importDocument(write(DOC));
    Postmortem stored = ft.postmortems().get(0);
    assertThat(stored.actionItems().get(0).quality()).isEmpty();
    assertThat(stored.actionItems().get(1).quality()).noneMatch(f -> f.rule().equals("no-criterion"))
        .filteredOn(f -> f.rule().equals("vague")).extracting(Finding::level).containsExactly(Finding.Level.ERROR);
  }
}
