package dev.followthrough.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.followthrough.core.model.ActionItem;
import dev.followthrough.core.model.ChangeOrigin;
import dev.followthrough.core.model.ItemStatus;
import dev.followthrough.core.model.Verification;
import dev.followthrough.core.policy.VerificationPolicy;
import dev.followthrough.core.store.ActionStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** From the Java API: a verification recorded after an import survives importing the unchanged document. */
class RecordsSurviveReimportTest {
  static final String DOC = "# Queue stalls\n\nIncident date: 2025-02-03\n\n## Action items\n\n"
      + "- [x] Restart stalled consumers automatically owner: @erin P2\n- [ ] Alert on consumer lag P2\n";
  static final String ITEM = "restart-stalled-consumers-automatically";

  @TempDir Path dir;
  final Clock clock = Clock.fixed(Instant.parse("2025-06-01T12:00:00Z"), ZoneOffset.UTC);

  Followthrough followthrough(VerificationPolicy policy) {
    return Followthrough.builder().store(ActionStore.directory(dir.resolve("store"))).clock(clock)
        .verification(policy).build();
  }

  @Test
  void aReopeningVerdictIsNotUndoneByTheTickedBoxOfTheUnchangedDocument() throws IOException {
    Followthrough ft = followthrough(VerificationPolicy.standard());
    Path doc = Files.writeString(dir.resolve("pm.md"), DOC);
    String pm = ft.importDocument(doc).postmortemId();
    ft.verify(pm, ITEM, Verification.State.INEFFECTIVE, "stalled again", "noor");

    ImportResult again = ft.importDocument(doc);
    assertThat(again.changed()).isZero();
    ActionItem item = ft.postmortems().get(0).item(ITEM).orElseThrow();
    assertThat(item.status()).isEqualTo(ItemStatus.OPEN);
    assertThat(item.verification().state()).isEqualTo(Verification.State.INEFFECTIVE);
    assertThat(item.history()).noneMatch(h -> h.origin() == ChangeOrigin.DOCUMENT);
  }

  @Test
  void aTickedBoxUntickedInTheDocumentReopensAnItemNobodyElseChanged() throws IOException {
    Followthrough ft = followthrough(VerificationPolicy.standard());
    String pm = ft.importDocument(Files.writeString(dir.resolve("pm.md"), DOC)).postmortemId();
    ImportResult edited = ft.importDocument(Files.writeString(dir.resolve("pm.md"), DOC.replace("- [x]", "- [ ]")));
    assertThat(edited.changed()).isEqualTo(1);
    assertThat(ft.postmortems().get(0).item(ITEM).orElseThrow().status()).isEqualTo(ItemStatus.OPEN);
    assertThat(pm).isNotBlank();
  }

  @Test
  void aLineChangedAfterALaterRecordIsAConflictSettledByTheRule() throws IOException {
    for (var rule : new dev.followthrough.core.config.ConflictRule[] {
        dev.followthrough.core.config.ConflictRule.FIELD_OWNER, dev.followthrough.core.config.ConflictRule.TRACKER}) {
      Path store = dir.resolve("store-" + rule);
      Followthrough ft = Followthrough.builder().store(ActionStore.directory(store)).clock(clock)
          .syncOptions(dev.followthrough.core.sync.SyncOptions.defaults().withConflicts(rule)).build();
      String pm = ft.importDocument(Files.writeString(dir.resolve("pm.md"), DOC)).postmortemId();
      ft.store().modify(pm, p -> p.withItem(p.item("alert-on-consumer-lag").orElseThrow()
          .withStatus(ItemStatus.IN_PROGRESS).recording(new dev.followthrough.core.model.HistoryEntry(clock.instant(),
              ChangeOrigin.TRACKER, "status", "OPEN", "IN_PROGRESS", null))));
      ft.importDocument(Files.writeString(dir.resolve("pm.md"), DOC.replace("- [ ] Alert", "- [x] Alert")));
      ActionItem item = ft.postmortems().get(0).item("alert-on-consumer-lag").orElseThrow();
      assertThat(item.status()).as(rule.name())
          .isEqualTo(rule == dev.followthrough.core.config.ConflictRule.TRACKER ? ItemStatus.IN_PROGRESS : ItemStatus.DONE);
      assertThat(item.history()).as(rule.name()).anyMatch(h -> h.field().equals("conflict:status")
          && h.from().equals("IN_PROGRESS") && h.to().equals("DONE"));
    }
  }

  @Test
  void anUnlinkedTicketTheDocumentCitesIsNotLinkedAgainByAReimport() throws IOException {
    String table = "# Queue stalls\n\nIncident date: 2025-02-03\n\n## Action items\n\n"
        + "| Action item | Owner | Ticket |\n|---|---|---|\n| Restart stalled consumers automatically | erin | OPS-412 |\n";
    Followthrough ft = followthrough(VerificationPolicy.standard());
    Path doc = Files.writeString(dir.resolve("pm.md"), table);
    String pm = ft.importDocument(doc).postmortemId();
    assertThat(ft.postmortems().get(0).item(ITEM).orElseThrow().tickets()).extracting(t -> t.key()).containsExactly("OPS-412");
    ft.unlink(pm, ITEM, null);
    assertThat(ft.importDocument(doc).changed()).isZero();
    assertThat(ft.postmortems().get(0).item(ITEM).orElseThrow().tickets()).isEmpty();
  }
}
