package dev.followthrough.tck;

import static org.assertj.core.api.Assertions.assertThat;

import dev.followthrough.core.model.ActionItem;
import dev.followthrough.core.model.ChangeOrigin;
import dev.followthrough.core.model.Finding;
import dev.followthrough.core.model.HistoryEntry;
import dev.followthrough.core.model.IncidentSummary;
import dev.followthrough.core.model.ItemStatus;
import dev.followthrough.core.model.Postmortem;
import dev.followthrough.core.model.Priority;
import dev.followthrough.core.model.Recurrence;
import dev.followthrough.core.model.TicketLink;
import dev.followthrough.core.model.Verification;
import dev.followthrough.core.report.GroupBy;
import dev.followthrough.core.report.OverdueReport;
import dev.followthrough.core.report.ReportBuilder;
import dev.followthrough.core.report.ReportFormat;
import dev.followthrough.core.store.ActionStore;
import dev.followthrough.core.store.ReportData;
import dev.followthrough.core.store.StoredPostmortem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A printed report ({@link ReportBuilder#forPrinting}) from the directory store's facts file, with
 * no record read, prints byte for byte what the report over every record prints, in every format
 * and grouping: on a generated store with every status and priority, items without owner or due
 * date, tickets with and without key or URL, verifications in every state, quality findings,
 * recurrences, and records edited after they were written.
 */
class DirectoryPrintedReportTest {
  static final LocalDate DAY = LocalDate.parse("2025-03-01");

  @TempDir Path dir;
  ActionStore store;

  @BeforeEach
  void fill() {
    store = ActionStore.directory(dir.resolve("store"), Duration.ofSeconds(5), Clock.systemUTC());
    for (int p = 0; p < 12; p++) {
      store.insert(postmortem(p));
    }
    // Edits after the first write: new titles, owners, due dates, tickets and verifications.
    store.modify("pm-03", pm -> pm.withItem(pm.item("item-2").orElseThrow().withTitle("Renamed, with \"quotes\" | pipes")
        .withOwner(null).withDueDate(DAY.minusDays(50))));
    store.modify("pm-05", pm -> pm.withItem(pm.item("item-4").orElseThrow().withStatus(ItemStatus.OPEN)
        .withTickets(List.of(TicketLink.of("github", "org/repo#7", null)))));
    store.modify("pm-07", pm -> pm.withItem(pm.item("item-1").orElseThrow()
        .withVerification(Verification.pending(DAY.minusDays(9), "errors stay under 0.1 %"))));
  }

  @Test
  void aPrintedReportFromTheFactsPrintsWhatTheRecordsPrint() throws Exception {
    assertSamePrinted(store.reportData());
  }

  @Test
  void soDoesOneFromFactsDerivedAgainFromTheRecords() throws Exception {
    Files.delete(dir.resolve("store/report-facts.jsonl"));
    assertSamePrinted(store.reportData()); // every entry derived from its record in this read
    assertSamePrinted(store.reportData()); // and read back from the file it rewrote
  }

  private void assertSamePrinted(ReportData facts) {
    List<Postmortem> all = store.findAll().stream().map(StoredPostmortem::postmortem).toList();
    for (LocalDate asOf : List.of(DAY.minusDays(60), DAY, DAY.plusDays(40), DAY.plusDays(400))) {
      OverdueReport printed = new ReportBuilder(asOf, 7).forPrinting().build(facts);
      OverdueReport whole = new ReportBuilder(asOf, 7).build(all);
      if (asOf.equals(DAY)) {
        assertThat(List.of(printed.overdue(), printed.dueSoon(), printed.unowned(), printed.verificationDue(),
            printed.openItemsOfRecurredIncidents())).as("every list has items").allSatisfy(l -> assertThat(l).isNotEmpty());
      }
      for (GroupBy groupBy : GroupBy.values()) {
        for (ReportFormat format : List.of(ReportFormat.TEXT, ReportFormat.MARKDOWN, ReportFormat.CSV, ReportFormat.HTML)) {
          assertThat(format.render(printed, groupBy)).as(format + " by " + groupBy + " as of " + asOf)
              .isEqualTo(format.render(whole, groupBy));
        }
        assertThat(ReportFormat.colouredText(printed, groupBy)).isEqualTo(ReportFormat.colouredText(whole, groupBy));
      }
      assertThat(ReportFormat.JSON.render(new ReportBuilder(asOf, 7).build(facts), GroupBy.OWNER))
          .isEqualTo(ReportFormat.JSON.render(whole, GroupBy.OWNER));
    }
  }

  private static Postmortem postmortem(int p) {
    LocalDate day = DAY.minusDays(120 - p * 7L);
    Instant end = day.atTime(11, 0).toInstant(ZoneOffset.UTC);
    IncidentSummary incident = new IncidentSummary(day, end.minusSeconds(3600), end, null, "Errors " + p, null, null,
        null, null);
    List<ActionItem> items = new ArrayList<>();
    for (int i = 0; i < 15; i++) {
      items.add(item(p * 15 + i, i, end));
    }
    Postmortem pm = new Postmortem(String.format("pm-%02d", p), "Incident <" + p + ">", "SEV2", incident, null, null,
        items, null, null);
    if (p % 4 == 1) {
      pm = pm.withRecurrenceOf(List.of(new Recurrence(String.format("pm-%02d", p - 1), 0.5,
          p % 8 == 1 ? Recurrence.Status.CONFIRMED : Recurrence.Status.SUSPECTED, List.of("pool"),
          new Recurrence.EarlierItems(1, 2, 0), null, null)));
    }
    return p % 3 == 0 ? pm.withQuality(List.of(new Finding("no-prevention-item", Finding.Level.WARNING, "None.", "Add."))) : pm;
  }

  private static ActionItem item(int n, int i, Instant end) {
    ItemStatus status = ItemStatus.values()[n % ItemStatus.values().length];
    ActionItem item = ActionItem.open("item-" + i, "Fix, thing " + n + (n % 6 == 0 ? " — ünïcode & <b>" : ""))
        .withOwner(n % 5 == 0 ? null : "owner-" + n % 4).withStatus(status)
        .withPriority(n % 7 == 0 ? null : Priority.values()[n % Priority.values().length])
        .withDueDate(n % 9 == 0 ? null : DAY.plusDays(n % 60 - 30)).withDescription("Step " + n);
    item = switch (n % 5) {
      case 0 -> item.withTickets(List.of(TicketLink.of("jira", "OPS-" + n, "https://jira.example.com/browse/OPS-" + n)));
      case 1 -> item.withTickets(List.of(TicketLink.pendingCreate("github", end),
          TicketLink.of("jira", "OPS-" + n, null)));
      case 2 -> item.withTickets(List.of(TicketLink.pendingCreate("jira", end)));
      default -> item;
    };
    if (status == ItemStatus.DONE) {
      Instant closed = end.plusSeconds(86_400L * (1 + n % 40));
      item = item.withHistory(List.of(new HistoryEntry(closed, ChangeOrigin.TRACKER, "status", "OPEN", "DONE", null)));
      Verification v = Verification.pending(DAY.plusDays(n % 20 - 10), n % 2 == 0 ? "no pages for a week" : null);
      item = item.withVerification(n % 3 == 0 ? v : n % 3 == 1 ? v.recorded(Verification.State.EFFECTIVE, "quiet",
          closed.plusSeconds(86_400), "sam") : v.recorded(Verification.State.INEFFECTIVE, "paged", closed, "kim"));
    }
    return n % 11 == 0 ? item.withQuality(List.of(new Finding("vague", Finding.Level.WARNING, "Vague.", "Say what."))) : item;
  }
}
