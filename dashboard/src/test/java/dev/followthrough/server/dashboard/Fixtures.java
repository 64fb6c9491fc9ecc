package dev.followthrough.server.dashboard;

import dev.followthrough.core.Followthrough;
import dev.followthrough.core.model.ActionItem;
import dev.followthrough.core.model.ChangeOrigin;
import dev.followthrough.core.model.HistoryEntry;
import dev.followthrough.core.model.IncidentSummary;
import dev.followthrough.core.model.ItemStatus;
import dev.followthrough.core.model.Postmortem;
import dev.followthrough.core.model.Priority;
import dev.followthrough.core.model.Recurrence;
import dev.followthrough.core.model.TicketLink;
import dev.followthrough.core.model.Verification;
import dev.followthrough.core.model.Finding;
import dev.followthrough.core.quality.LintSettings;
import dev.followthrough.core.store.ActionStore;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/** A store with one of everything the dashboard shows, as of 2025-06-10. */
final class Fixtures {
  static final LocalDate AS_OF = LocalDate.of(2025, 6, 10);
  static final Clock CLOCK = Clock.fixed(Instant.parse("2025-06-10T09:00:00Z"), ZoneOffset.UTC);
  static final String SCRIPT_TITLE = "Fix <script>alert('x')</script> & \"quotes\"";

  final ActionStore store = ActionStore.inMemory();
  final Followthrough followthrough = Followthrough.builder().store(store).clock(CLOCK).build();
  final AtomicLong version = new AtomicLong(1);
  final Dashboard dashboard = new Dashboard(followthrough, CLOCK, LintSettings.standard(), version::get);

  Fixtures() {
    store.insert(diskFull());
    store.insert(diskFullAgain());
  }

  static ActionItem item(String id, String title, String owner, LocalDate due) {
    return ActionItem.open(id, title).withOwner(owner).withPriority(Priority.P2).withDueDate(due);
  }

  static ActionItem done(ActionItem item, String closedAt) {
    return item.withStatus(ItemStatus.DONE)
        .recording(new HistoryEntry(Instant.parse(closedAt), ChangeOrigin.TRACKER, "status", "OPEN", "DONE", "erin"));
  }

  static Postmortem diskFull() {
    List<ActionItem> items = List.of(
        // Overdue by 40 days, owned by a person, in a postmortem a team owns most of.
        item("alert-disk", "Alert at 80% disk", "erin", LocalDate.of(2025, 5, 1))
            .withTickets(List.of(TicketLink.of("jira", "OPS-12", "https://jira.example.com/browse/OPS-12"))),
        item("rotate-logs", "Rotate build logs daily", "build-team", LocalDate.of(2025, 5, 20)),
        item("cap-cache", "Cap the artifact cache", "build-team", LocalDate.of(2025, 6, 1))
            .withTickets(List.of(TicketLink.of("jira", "OPS-13", "javascript:alert(1)"))),
        // Due soon, and nobody's.
        item("runbook", SCRIPT_TITLE, null, LocalDate.of(2025, 6, 14))
            .withQuality(List.of(new Finding("no-owner", Finding.Level.ERROR, "Nobody owns <it>.", "Name one person."))),
        done(item("clean-agents", "Clean the agents", "sam", LocalDate.of(2025, 5, 1)), "2025-04-20T10:00:00Z")
            .withVerification(new Verification(Verification.State.EFFECTIVE, LocalDate.of(2025, 5, 20), "no alert",
                "https://dash.example.com/disk", Instant.parse("2025-05-12T10:00:00Z"), "erin")),
        done(item("bigger-disk", "Bigger disks", "sam", LocalDate.of(2025, 4, 1)), "2025-04-25T10:00:00Z")
            .withVerification(Verification.pending(LocalDate.of(2025, 5, 25), "disk below 80% for a week")));
    return new Postmortem("2025-03-30-disk-full", "Disk full on build agents", "SEV2",
        incident(LocalDate.of(2025, 3, 30)), null, null, items, null, null);
  }

  static Postmortem diskFullAgain() {
    return new Postmortem("2025-06-01-disk-full-again", "Disk full again", null, incident(LocalDate.of(2025, 6, 1)),
        null, null, List.of(item("quota", "Per-job disk quota", "noor", LocalDate.of(2025, 7, 1))), null, null,
        List.of(new Recurrence("2025-03-30-disk-full", 0.61, Recurrence.Status.SUSPECTED, List.of("disk full"),
            Recurrence.EarlierItems.of(diskFull()))));
  }

  static IncidentSummary incident(LocalDate day) {
    return new IncidentSummary(day, null, null, null, null, null, null, null, null);
  }

  static java.util.function.Function<String, String> params(String... pairs) {
    java.util.Map<String, String> map = new java.util.HashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      map.put(pairs[i], pairs[i + 1]);
    }
    return map::get;
  }
}
