package dev.followthrough.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.followthrough.core.model.ActionItem;
import dev.followthrough.core.model.ChangeOrigin;
import dev.followthrough.core.model.HistoryEntry;
import dev.followthrough.core.model.IncidentSummary;
import dev.followthrough.core.model.ItemStatus;
import dev.followthrough.core.model.Postmortem;
import dev.followthrough.core.model.Priority;
import dev.followthrough.core.model.Verification;
import dev.followthrough.core.report.ReportBuilder;
import dev.followthrough.core.store.ActionStore;
import dev.followthrough.core.store.ReportData;
import dev.followthrough.core.store.ReportSelection;
import dev.followthrough.core.store.StoredPostmortem;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * For a store that keeps report facts beside its records (as the directory store keeps its facts
 * file): the facts as written agree with reading every record, after every kind of write, and the
 * report data still agrees after a writer crashed between a record and its facts. Part of
 * {@link StoreContractKit}; a store that writes both in one transaction answers empty to the hooks.
 */
public interface ReportFactsContract {
  LocalDate MAY = LocalDate.parse("2025-05-01");

  ActionStore storeUnderTest();

  ActionStore secondHandle() throws Exception;

  /** The report data as the store's facts hold them, trusted and unrepaired; empty when it keeps none apart. */
  default Optional<ReportData> reportFactsAsWritten() throws Exception {
    return Optional.empty();
  }

  /**
   * A second handle on the store that throws {@code crash} after each record write is durable and
   * before the facts are written, as a process killed at that point; empty when it keeps none apart.
   */
  default Optional<ActionStore> crashingAfterRecordWrite(RuntimeException crash) throws Exception {
    return Optional.empty();
  }

  @Test
  default void reportFactsAsWrittenAgreeWithEveryRecord() throws Exception {
    ActionStore store = storeUnderTest();
    writeSample(store);
    Postmortem b = store.find("b").orElseThrow().postmortem();
    store.update(b.withItem(b.item("soon").orElseThrow().withDueDate(MAY.plusDays(45)).withOwner(null)), 1);
    store.modify("a", p -> p.withItem(p.item("late").orElseThrow().withStatus(ItemStatus.BLOCKED).withPriority(Priority.P1)));
    Optional<ReportData> facts = reportFactsAsWritten();
    assumeTrue(facts.isPresent(), "the store keeps no report facts apart from its records");
    assertAgree(store, facts.get());
  }

  @Test
  default void reportDataAgreesWithTheRecordsAfterACrashBetweenRecordAndFacts() throws Exception {
    ActionStore store = storeUnderTest();
    writeSample(store);
    assertAgree(store, store.reportData());
    IllegalStateException crash = new IllegalStateException("killed between the record and the facts");
    Optional<ActionStore> crashing = crashingAfterRecordWrite(crash);
    assumeTrue(crashing.isPresent(), "the store keeps no report facts apart from its records");
    try (ActionStore dying = crashing.get()) {
      Postmortem a = dying.find("a").orElseThrow().postmortem();
      // Every fact a report reads changes: due date, owner, status (and so close day), verification.
      Postmortem changed = a.withItem(a.item("late").orElseThrow().withDueDate(MAY.plusDays(90)).withOwner(null))
          .withItem(done(a.item("open").orElseThrow()));
      assertThatThrownBy(() -> dying.update(changed, 1)).isSameAs(crash);
      assertThatThrownBy(() -> dying.insert(postmortem("c", MAY.minusDays(3)))).isSameAs(crash);
    }
    assertThat(store.find("a").orElseThrow().version()).as("the record was written before the crash").isEqualTo(2);
    try (ActionStore after = secondHandle()) {
      assertAgree(after, after.reportData());
    }
    assertAgree(store, store.reportData());
    Optional<ReportData> facts = reportFactsAsWritten();
    facts.ifPresent(f -> assertAgree(store, f));
  }

  private static void writeSample(ActionStore store) {
    store.insert(postmortem("a", MAY.minusDays(10)));
    store.insert(postmortem("b", MAY.plusDays(2)));
  }

  private static Postmortem postmortem(String id, LocalDate due) {
    IncidentSummary incident = new IncidentSummary(MAY.minusDays(40), null, null, null, "Down", null, null, null, null);
    Instant closed = MAY.minusDays(5).atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
    return new Postmortem(id, "Postmortem " + id, null, incident, null, null, List.of(
        ActionItem.open("late", "Late").withOwner("erin").withDueDate(due).withPriority(Priority.P2),
        ActionItem.open("soon", "Soon").withOwner("sam").withDueDate(MAY.plusDays(3)),
        ActionItem.open("open", "Open").withOwner("sam").withDueDate(MAY.plusDays(300)),
        ActionItem.open("unowned", "Nobody's").withDueDate(due),
        ActionItem.open("done", "Done").withStatus(ItemStatus.DONE).withDueDate(due)
            .recording(new HistoryEntry(closed, ChangeOrigin.TRACKER, "status", "OPEN", "DONE", null))
            .withVerification(Verification.pending(MAY.plusDays(1), "no pages"))), null, null);
  }

  private static ActionItem done(ActionItem item) {
    Instant at = MAY.plusDays(10).atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
    return item.withStatus(ItemStatus.DONE).recording(new HistoryEntry(at, ChangeOrigin.LOCAL, "status", "OPEN", "DONE", null))
        .withVerification(Verification.pending(MAY.plusDays(40), null));
  }

  /** Every part of {@code data} is what reading every record of {@code store} gives. */
  static void assertAgree(ActionStore store, ReportData data) {
    List<Postmortem> all = store.findAll().stream().map(StoredPostmortem::postmortem).toList();
    ReportData expected = ReportData.of(all);
    assertThat(data.postmortems()).isEqualTo(expected.postmortems());
    assertThat(data.itemFacts()).isEqualTo(expected.itemFacts());
    for (LocalDate asOf : List.of(MAY.minusDays(30), MAY, MAY.plusDays(5), MAY.plusDays(60), MAY.plusDays(400))) {
      for (Set<String> recurred : List.of(Set.<String>of(), Set.of("a"))) {
        ReportSelection selection = new ReportSelection(asOf.plusDays(7), asOf, recurred);
        assertThat(data.items(selection)).filteredOn(r -> selection.matches(r.postmortemId(), r.item()))
            .as(selection.toString()).containsExactlyInAnyOrderElementsOf(expected.items(selection));
        assertThat(new ReportBuilder(asOf, 7).build(data)).isEqualTo(new ReportBuilder(asOf, 7).build(all));
      }
    }
  }
}
