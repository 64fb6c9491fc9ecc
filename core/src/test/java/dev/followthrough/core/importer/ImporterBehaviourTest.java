package dev.followthrough.core.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.followthrough.core.DocumentException;
import dev.followthrough.core.model.ItemStatus;
import dev.followthrough.core.model.MeasureKind;
import dev.followthrough.core.model.Postmortem;
import dev.followthrough.core.model.Priority;
import dev.followthrough.core.model.TimelineKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImporterBehaviourTest {
  final PostmortemImporter importer = PostmortemImporter.create();

  Postmortem parse(String text) {
    return importer.parse(text, "test.md").postmortem();
  }

  @Test
  void sameDocumentGivesSameIds() {
    String doc = "# Outage\n\n## Action items\n\n- Add an alert\n- Add a test\n";
    assertThat(parse(doc)).isEqualTo(parse(doc));
    assertThat(parse(doc).actionItems()).extracting("id").containsExactly("add-an-alert", "add-a-test");
  }

  @Test
  void estTimesAreConvertedToUtc() {
    Postmortem p = importer.parse("Summary:\nOn March 1, 2023, between 3:00 PM and 5:00 PM EST, the site was slow for 30% of users.\n"
        + "Timeline:\n3:00 PM: Alert fires\n4:00 PM: Escalated to the database team\n", "t.txt").postmortem();
    assertThat(p.incident().start()).isEqualTo(Instant.parse("2023-03-01T20:00:00Z"));
    assertThat(p.incident().end()).isEqualTo(Instant.parse("2023-03-01T22:00:00Z"));
    assertThat(p.timeline().get(1).at()).isEqualTo(Instant.parse("2023-03-01T21:00:00Z"));
    assertThat(p.timeline().get(1).kind()).isEqualTo(TimelineKind.ESCALATION);
    assertThat(p.incident().impactPercent()).isEqualTo(30.0);
  }

  @Test
  void timelineRollsOverMidnight() {
    Postmortem p = importer.parse("Issue Summary:\nDuration: March 10, 2024, 10:00 PM to March 11, 2024, 2:00 AM (UTC)\n"
        + "Timeline:\n22:05 - Alert\n23:50 - Escalated\n00:10 - Fixed by rollback\n", "t.txt").postmortem();
    assertThat(p.incident().durationMinutes()).isEqualTo(240);
    assertThat(p.timeline()).extracting("at").containsExactly(
        Instant.parse("2024-03-10T22:05:00Z"), Instant.parse("2024-03-10T23:50:00Z"), Instant.parse("2024-03-11T00:10:00Z"));
  }

  @Test
  void groupHeadingsKeepTheirSubLinesAndClosingProseIsNoItem() {
    Postmortem p = importer.parse("Root Cause: bad config\nTasks to Address the Issue:\n\nPatch Server:\nApply the fix.\n"
        + "Owner: erin\n\nAudit Configs:\nReview all configs. Priority: P2\n\n"
        + "By implementing these measures, we aim to do better.\n", "t.txt").postmortem();
    assertThat(p.actionItems()).extracting("title").containsExactly("Patch Server", "Audit Configs");
    assertThat(p.actionItems().get(0).description()).isEqualTo("Apply the fix.");
    assertThat(p.actionItems().get(0).owner()).isEqualTo("erin");
    assertThat(p.actionItems().get(1).priority()).isEqualTo(Priority.P2);
  }

  @Test
  void taskListsCarryOwnerDueDatePriorityAndDoneState() {
    Postmortem p = parse("# X\n\n## Follow-ups\n\n- [x] Rotate keys owner: @dmitri due: 2025-02-16 P1\n"
        + "- [ ] Alert on drift owner: sam@example.com P4\n");
    var done = p.actionItems().get(0);
    assertThat(done.title()).isEqualTo("Rotate keys");
    assertThat(done.status()).isEqualTo(ItemStatus.DONE);
    assertThat(done.owner()).isEqualTo("dmitri");
    assertThat(done.dueDate()).isEqualTo(LocalDate.of(2025, 2, 16));
    assertThat(done.priority()).isEqualTo(Priority.P1);
    assertThat(p.actionItems().get(1).owner()).isEqualTo("sam@example.com");
    assertThat(p.actionItems().get(1).status()).isEqualTo(ItemStatus.OPEN);
  }

  @Test
  void actionItemTablesAreRead() {
    Postmortem p = parse("# X\n\n## Action items\n\n| Task | Owner | Priority | Due date | Bug | Status |\n"
        + "|---|---|---|---|---|---|\n| Add alert | @erin | High | 2025-06-01 | OPS-12 | in progress |\n");
    var item = p.actionItems().get(0);
    assertThat(item.owner()).isEqualTo("erin");
    assertThat(item.priority()).isEqualTo(Priority.P2);
    assertThat(item.dueDate()).isEqualTo(LocalDate.of(2025, 6, 1));
    assertThat(item.status()).isEqualTo(ItemStatus.IN_PROGRESS);
    assertThat(item.tickets()).singleElement().satisfies(t -> {
      assertThat(t.tracker()).isEqualTo("example");
      assertThat(t.key()).isEqualTo("OPS-12");
    });
  }

  @Test
  void measureKindComesFromSectionPrefixOrWording() {
    Postmortem p = parse("# X\n\n## Corrective actions\n\n- Restore the shard\n\n## Preventive actions\n\n- Add a canary\n\n"
        + "## Improvements\n\n- Corrective: Patch the bootstrap\n- Monitor disk usage\n\n## Tasks\n\n- Do it\n");
    assertThat(p.measures()).extracting("kind").containsExactly(
        MeasureKind.CORRECTIVE, MeasureKind.PREVENTIVE, MeasureKind.CORRECTIVE, MeasureKind.PREVENTIVE);
  }

  @Test
  void frontMatterSetsTitleSeverityTimesAndDefaultOwner() {
    Postmortem p = parse("---\ntitle: Disk full\nseverity: SEV1\nowner: ops\nincident:\n  start: 2025-01-02T03:00:00Z\n"
        + "  end: 2025-01-02T04:30:00Z\n---\n## Action items\n- Add disk alert\n");
    assertThat(p.title()).isEqualTo("Disk full");
    assertThat(p.severity()).isEqualTo("SEV1");
    assertThat(p.id()).isEqualTo("2025-01-02-disk-full");
    assertThat(p.incident().durationMinutes()).isEqualTo(90);
    assertThat(p.actionItems().get(0).owner()).isEqualTo("ops");
  }

  @Test
  void brokenFrontMatterNamesFileAndLine() {
    assertThatThrownBy(() -> parse("---\ntitle: [unclosed\n---\n# X\n"))
        .isInstanceOf(DocumentException.class)
        .hasMessageStartingWith("test.md:");
  }

  @Test
  void unreadableInputIsADocumentErrorNamingTheFile(@TempDir Path dir) throws IOException {
    Path binary = dir.resolve("image.md");
    Files.write(binary, new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, 1});
    assertThatThrownBy(() -> importer.parse(binary)).isInstanceOf(DocumentException.class)
        .hasMessage(binary + ": is not a text file (it contains binary data)");
    Path latin1 = dir.resolve("latin1.txt");
    Files.write(latin1, "Summary:\nCaf\u00e9\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
    assertThatThrownBy(() -> importer.parse(latin1)).hasMessage(latin1 + ":2: is not UTF-8 text");
    Path empty = Files.writeString(dir.resolve("empty.md"), "  \n\n");
    assertThatThrownBy(() -> importer.parse(empty)).hasMessage(empty + ": is empty");
    Path prose = Files.writeString(dir.resolve("prose.txt"), "Dear diary,\ntoday was a quiet day.\n");
    assertThatThrownBy(() -> importer.parse(prose)).hasMessageContaining("no postmortem structure found");
    assertThatThrownBy(() -> importer.parse(dir.resolve("missing.md"))).hasMessage(dir.resolve("missing.md") + ": no such file");
    assertThatThrownBy(() -> importer.parse(dir)).hasMessageContaining("is a directory");
  }

  @Test
  void hugeSingleLineAndLargeDocumentParseWithoutHanging() {
    String line = "Impact: " + "very ".repeat(1_000_000) + "bad\n";
    Postmortem p = importer.parse("Summary:\n" + line + "Action Items:\n- Fix\n", "huge.txt").postmortem();
    assertThat(p.actionItems()).hasSize(1);
    StringBuilder big = new StringBuilder("# Big\n\n## Timeline\n\n");
    for (int i = 0; big.length() < 10_000_000; i++) {
      big.append("- ").append(String.format("%02d:%02d", (i / 60) % 24, i % 60)).append(" Event number ").append(i)
          .append(" with some words about what happened\n");
    }
    big.append("\n## Action items\n\n- Fix it\n");
    Postmortem large = importer.parse(big.toString(), "big.md").postmortem();
    assertThat(large.timeline().size()).isGreaterThan(100_000);
  }

  @Test
  void documentsOfAFolderAreListedInNameOrder(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("b.md"), "x");
    Files.writeString(dir.resolve("a.txt"), "x");
    Files.writeString(dir.resolve("notes.pdf"), "x");
    assertThat(importer.documents(dir)).containsExactly(dir.resolve("a.txt"), dir.resolve("b.md"));
  }
}
