package dev.followthrough.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.followthrough.core.model.ActionItem;
import dev.followthrough.core.model.ChangeOrigin;
import dev.followthrough.core.model.ItemStatus;
import dev.followthrough.core.model.Postmortem;
import dev.followthrough.core.model.Priority;
import dev.followthrough.core.model.TicketLink;
import dev.followthrough.core.store.ActionStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReimportTest {
  @TempDir Path dir;
  final Clock clock = Clock.fixed(Instant.parse("2025-06-01T12:00:00Z"), ZoneOffset.UTC);

  Followthrough followthrough() {
    return Followthrough.builder().store(ActionStore.directory(dir.resolve("store"))).clock(clock).build();
  }

  Path write(String text) throws IOException {
    return Files.writeString(dir.resolve("pm.md"), text);
  }

  static final String DOC = "# Disk full\n\n- Duration: 2025-05-01 10:00 to 2025-05-01 12:00 (UTC)\n\n## Action items\n\n"
      + "- Add an alert on disk usage of the build agents P1\n- Expire old artifacts owner: @noor\n- Write a runbook entry\n";

  @Test
  void importAppliesThePolicyFromTheIncidentEnd() throws IOException {
    Followthrough ft = followthrough();
    ImportResult r = ft.importDocument(write(DOC));
    assertThat(r.created()).isTrue();
    List<ActionItem> items = ft.postmortems().get(0).actionItems();
    assertThat(items.get(0).dueDate()).isEqualTo(LocalDate.of(2025, 5, 15));
    assertThat(items.get(1).priority()).isEqualTo(Priority.P3);
    assertThat(items.get(1).dueDate()).isEqualTo(LocalDate.of(2025, 6, 26));
  }

  @Test
  void editedDocumentUpdatesItemsInPlaceAndKeepsLocalState() throws IOException {
    Followthrough ft = followthrough();
    ft.importDocument(write(DOC));
    Postmortem stored = ft.postmortems().get(0);
    ActionItem alert = stored.actionItems().get(0);
    // Local state a sync would have written: a ticket and a status from the tracker.
    var current = ft.store().find(stored.id()).orElseThrow();
    ft.store().update(stored.withItem(alert.withStatus(ItemStatus.IN_PROGRESS)
        .recording(new dev.followthrough.core.model.HistoryEntry(java.time.Instant.parse("2025-05-02T00:00:00Z"),
            ChangeOrigin.TRACKER, "status", "OPEN", "IN_PROGRESS", null))
        .withTickets(List.of(TicketLink.of("jira", "OPS-1", null)))), current.version());

    ImportResult again = ft.importDocument(write(DOC
        .replace("Add an alert on disk usage of the build agents", "Add an alert on disk usage of all build agents")
        .replace("- Write a runbook entry\n", "- Document the cache layout\n")));

    assertThat(again.created()).isFalse();
    assertThat(again.changed()).isEqualTo(1);
    assertThat(again.added()).isEqualTo(1);
    assertThat(again.missing()).isEqualTo(1);
    Postmortem after = ft.postmortems().get(0);
    ActionItem edited = after.item(alert.id()).orElseThrow();
    assertThat(edited.title()).isEqualTo("Add an alert on disk usage of all build agents");
    assertThat(edited.status()).isEqualTo(ItemStatus.IN_PROGRESS);
    assertThat(edited.tickets()).extracting(TicketLink::key).containsExactly("OPS-1");
    assertThat(edited.history()).anySatisfy(h -> {
      assertThat(h.field()).isEqualTo("title");
      assertThat(h.origin()).isEqualTo(ChangeOrigin.DOCUMENT);
    });
    assertThat(after.item("write-a-runbook-entry").orElseThrow().missingFromSource()).isTrue();
    assertThat(after.actionItems()).hasSize(4);
  }

  @Test
  void reimportOfAnUnchangedDocumentWritesNothing() throws IOException {
    Followthrough ft = followthrough();
    Path doc = write(DOC);
    long v1 = ft.importDocument(doc).version();
    ImportResult again = ft.importDocument(doc);
    assertThat(again.version()).isEqualTo(v1);
    assertThat(again.unchanged()).isEqualTo(3);
  }

  @Test
  void reimportCarriesTheVerificationCriterionAndKeepsOneTheDocumentDropped() throws IOException {
    Followthrough ft = followthrough();
    String doc = "# Disk full\n\n## Action items\n\n- Expire old artifacts\n  - Verify: disk under 70% for a month\n";
    ft.importDocument(write(doc));
    ActionItem first = ft.postmortems().get(0).actionItems().get(0);
    assertThat(first.verificationCriterion()).isEqualTo("disk under 70% for a month");

    ft.importDocument(write(doc.replace("70%", "60%")));
    ActionItem changed = ft.postmortems().get(0).item(first.id()).orElseThrow();
    assertThat(changed.verificationCriterion()).isEqualTo("disk under 60% for a month");
    assertThat(changed.history()).anySatisfy(h -> assertThat(h.field()).isEqualTo("verificationCriterion"));

    ft.importDocument(write("# Disk full\n\n## Action items\n\n- Expire old artifacts\n"));
    assertThat(ft.postmortems().get(0).item(first.id()).orElseThrow().verificationCriterion())
        .isEqualTo("disk under 60% for a month");
  }

  @Test
  void storedItemsAndEntriesKeepTheirSourceLineAndFollowItWhenTheDocumentMovesThem() throws IOException {
    Followthrough ft = followthrough();
    ft.importDocument(write(DOC));
    assertThat(ft.postmortems().get(0).actionItems()).extracting(ActionItem::line).containsExactly(7, 8, 9);

    ImportResult again = ft.importDocument(write(DOC.replace("## Action items\n\n", "## Action items\n\nAgreed in the review:\n\n")));

    assertThat(again.changed()).isZero();
    assertThat(again.unchanged()).isEqualTo(3);
    assertThat(ft.postmortems().get(0).actionItems()).extracting(ActionItem::line).containsExactly(9, 10, 11);
    assertThat(followthrough().postmortems().get(0).actionItems()).extracting(ActionItem::line).containsExactly(9, 10, 11);
  }
}
