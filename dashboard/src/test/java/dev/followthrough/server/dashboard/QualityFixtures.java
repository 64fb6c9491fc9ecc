package dev.followthrough.server.dashboard;

import static dev.followthrough.server.dashboard.Fixtures.item;

import dev.followthrough.core.Followthrough;
import dev.followthrough.core.importer.PostmortemImporter;
import dev.followthrough.core.model.Finding;
import dev.followthrough.core.model.Finding.Level;
import dev.followthrough.core.model.Postmortem;
import dev.followthrough.core.quality.LintSettings;
import dev.followthrough.core.store.ActionStore;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * A store whose items carry stored findings, and a {@code lint.teams} that puts erin and
 * ana@example.com in payments. Without it, erin's and ana's items would be inferred to be
 * build-team's, the only team owning an item of their postmortem.
 */
final class QualityFixtures {
  static final LintSettings LINT = new LintSettings(Map.of(), List.of("payments"),
      Map.of("payments", List.of("erin", "@Ana@example.com")));
  static final String SCRIPT_WHY = "Says <img src=x onerror=alert(1)> & 'more'.";

  final ActionStore store = ActionStore.inMemory();

  QualityFixtures() {
    store.insert(queue());
    store.insert(other());
  }

  /** The dashboard with these settings, as {@code serve} makes it from the configuration. */
  Dashboard dashboard(LintSettings lint) {
    return new Dashboard(followthrough(lint), Fixtures.CLOCK, lint, () -> 1);
  }

  /** The facade {@code report} runs on with these settings. */
  Followthrough followthrough(LintSettings lint) {
    return Followthrough.builder().store(store).clock(Fixtures.CLOCK)
        .importer(PostmortemImporter.create().withLint(lint)).build();
  }

  static Finding warning(String rule) {
    return new Finding(rule, Level.WARNING, "Why " + rule + ".", "Fix " + rule + ".");
  }

  static Finding error(String rule) {
    return new Finding(rule, Level.ERROR, "Why " + rule + ".", "Fix " + rule + ".");
  }

  static Postmortem queue() {
    LocalDate late = LocalDate.of(2025, 5, 1);
    return new Postmortem("2025-04-20-queue", "Queue backlog", "SEV2", Fixtures.incident(LocalDate.of(2025, 4, 20)),
        null, null, List.of(
            item("vague", "Improve queue monitoring", "erin", late).withQuality(List.of(warning("vague"))),
            item("undated", "Alert on backlog", "ana@example.com", late)
                .withQuality(List.of(error("no-due-date"), new Finding("unbounded", Level.WARNING, SCRIPT_WHY, "Say <when>."))),
            item("clean", "Page at 10k queued messages", "sam", late).withQuality(List.of()),
            item("nobody", "Write the backlog runbook", null, LocalDate.of(2025, 7, 1)).withQuality(List.of(error("no-owner"))),
            // Stored before findings were kept: counted as an item, not as checked.
            item("old", "Tune the consumer pool", "build-team", LocalDate.of(2025, 7, 1))),
        null, null).withQuality(List.of(warning("no-detection-item")));
  }

  static Postmortem other() {
    return new Postmortem("2025-05-10-dns", "DNS outage", null, Fixtures.incident(LocalDate.of(2025, 5, 10)), null, null,
        List.of(item("ttl", "Lower the TTL to 60 s", "Erin", LocalDate.of(2025, 8, 1)).withQuality(List.of())),
        null, null);
  }
}
