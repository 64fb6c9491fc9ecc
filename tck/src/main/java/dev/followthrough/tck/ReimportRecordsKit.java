package dev.followthrough.tck;

import static org.assertj.core.api.Assertions.assertThat;

import dev.followthrough.core.Corrections;
import dev.followthrough.core.Followthrough;
import dev.followthrough.core.importer.PostmortemImporter;
import dev.followthrough.core.model.ActionItem;
import dev.followthrough.core.model.ItemStatus;
import dev.followthrough.core.model.Postmortem;
import dev.followthrough.core.model.Recurrence;
import dev.followthrough.core.model.Verification;
import dev.followthrough.core.policy.VerificationPolicy;
import dev.followthrough.core.store.ActionStore;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/**
 * What a person records after an import survives importing the unchanged document again, in any
 * store: a store module's test extends this class and opens a fresh, empty store per test.
 */
public abstract class ReimportRecordsKit {
  private static final String DOC = "# Queue stalls\n\nIncident date: 2025-02-03\n\n## Action items\n\n"
      + "- [x] Restart stalled consumers automatically owner: @erin P2\n- [ ] Alert on consumer lag P2\n";
  private static final String ITEM = "restart-stalled-consumers-automatically";
  private static final String OTHER_DOC = "# Badge printer jammed\n\nIncident date: 2024-09-12\n\n## Action items\n\n"
      + "- [ ] Stock spare toner owner: @lee P4\n";

  /** A new, empty store; the kit closes it. */
  protected abstract ActionStore createStore() throws Exception;

  private final Clock clock = Clock.fixed(Instant.parse("2025-06-01T12:00:00Z"), ZoneOffset.UTC);

  private static Postmortem reimport(Followthrough ft) {
    var parsed = PostmortemImporter.create().parse(DOC, "queue-stalls.md");
    var result = ft.importParsed(parsed);
    assertThat(result.changed()).isZero();
    return ft.store().find(result.postmortemId()).orElseThrow().postmortem();
  }

  @Test
  void aReopeningVerdictSurvivesReimport() throws Exception {
    try (Followthrough ft = Followthrough.builder().store(createStore()).clock(clock).build()) {
      String pm = ft.importParsed(PostmortemImporter.create().parse(DOC, "queue-stalls.md")).postmortemId();
      ft.verify(pm, ITEM, Verification.State.INEFFECTIVE, "stalled again", "noor");
      ActionItem item = reimport(ft).item(ITEM).orElseThrow();
      assertThat(item.status()).isEqualTo(ItemStatus.OPEN);
      assertThat(item.verification().state()).isEqualTo(Verification.State.INEFFECTIVE);
    }
  }

  @Test
  void aFollowUpAndItsVerdictSurviveReimport() throws Exception {
    VerificationPolicy followUps = VerificationPolicy.standard().withOnIneffective(VerificationPolicy.OnIneffective.FOLLOW_UP);
    try (Followthrough ft = Followthrough.builder().store(createStore()).clock(clock).verification(followUps).build()) {
      String pm = ft.importParsed(PostmortemImporter.create().parse(DOC, "queue-stalls.md")).postmortemId();
      ft.verify(pm, ITEM, Verification.State.INEFFECTIVE, null, "noor");
      Postmortem after = reimport(ft);
      assertThat(after.item(ITEM).orElseThrow().verification().state()).isEqualTo(Verification.State.INEFFECTIVE);
      assertThat(after.item(ITEM + "-follow-up").orElseThrow().missingFromSource()).isFalse();
    }
  }

  @Test
  void anUndoneReopeningVerdictSurvivesReimportWithItsHistory() throws Exception {
    try (Followthrough ft = Followthrough.builder().store(createStore()).clock(clock).build()) {
      String pm = ft.importParsed(PostmortemImporter.create().parse(DOC, "queue-stalls.md")).postmortemId();
      ft.verify(pm, ITEM, Verification.State.INEFFECTIVE, "stalled again", "noor");
      var undone = Corrections.of(ft).undoVerification(pm, ITEM, "lee");
      assertThat(undone.doneAgain()).isTrue();
      ActionItem item = reimport(ft).item(ITEM).orElseThrow();
      assertThat(item.status()).isEqualTo(ItemStatus.DONE);
      assertThat(item.verification().state()).isEqualTo(Verification.State.PENDING);
      assertThat(item.verification().verifiedBy()).isNull();
      assertThat(item.history()).filteredOn(h -> h.field().equals("verification"))
          .extracting(h -> h.from() + ">" + h.to() + " by " + h.actor() + " at " + h.at())
          .containsExactly("PENDING>INEFFECTIVE by noor at 2025-06-01T12:00:00Z", "INEFFECTIVE>PENDING by lee at 2025-06-01T12:00:00Z");
    }
  }

  @Test
  void anUndoneEffectiveVerdictSurvivesReimport() throws Exception {
    try (Followthrough ft = Followthrough.builder().store(createStore()).clock(clock).build()) {
      String pm = ft.importParsed(PostmortemImporter.create().parse(DOC, "queue-stalls.md")).postmortemId();
      ft.verify(pm, ITEM, Verification.State.EFFECTIVE, null, "noor");
      Corrections.of(ft).undoVerification(pm, ITEM, "lee");
      ActionItem item = reimport(ft).item(ITEM).orElseThrow();
      assertThat(item.verification().state()).isEqualTo(Verification.State.PENDING);
      assertThat(item.history()).anySatisfy(h -> assertThat(h.to() + " " + h.actor()).isEqualTo("PENDING lee"));
    }
  }

  @Test
  void aConfirmedAndADismissedPairTheDetectorMissedSurviveReimport() throws Exception {
    try (Followthrough ft = Followthrough.builder().store(createStore()).clock(clock).build()) {
      String earlier = ft.importParsed(PostmortemImporter.create().parse(OTHER_DOC, "badge-printer.md")).postmortemId();
      String pm = ft.importParsed(PostmortemImporter.create().parse(DOC, "queue-stalls.md")).postmortemId();
      assertThat(ft.store().find(pm).orElseThrow().postmortem().recurrenceOf()).as("the detector finds no repeat").isEmpty();
      Corrections.of(ft).settleRecurrence(pm, earlier, Recurrence.Status.CONFIRMED, "noor");
      Recurrence kept = reimport(ft).recurrenceOf().get(0);
      assertThat(kept.postmortemId()).isEqualTo(earlier);
      assertThat(kept.status()).isEqualTo(Recurrence.Status.CONFIRMED);
      assertThat(kept.settledBy()).isEqualTo("noor");
      assertThat(kept.settledAt()).isEqualTo(clock.instant());
      Corrections.of(ft).settleRecurrence(pm, earlier, Recurrence.Status.DISMISSED, "lee");
      Recurrence dismissed = reimport(ft).recurrenceOf().get(0);
      assertThat(dismissed.status()).isEqualTo(Recurrence.Status.DISMISSED);
      assertThat(dismissed.settledBy()).isEqualTo("lee");
    }
  }
}
