package dev.followthrough.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.followthrough.core.model.ItemStatus;
import dev.followthrough.core.report.OverdueReport;
import dev.followthrough.core.store.ActionStore;
import dev.followthrough.core.sync.SyncPlan;
import dev.followthrough.core.sync.SyncResult;
import dev.followthrough.core.testing.TestClock;
import dev.followthrough.core.tracker.InMemoryTracker;
import dev.followthrough.core.tracker.TicketState;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Import, plan, sync, status back from the tracker and report, through the facade. */
public class EmbeddingTest {
  @TempDir Path dir;
  final TestClock clock = TestClock.at("2025-06-01T12:00:00Z");
  final InMemoryTracker tracker = InMemoryTracker.builder().type("memory").clock(clock).build();

  static Path postmortem(Path dir) throws IOException {
    return Files.writeString(dir.resolve("pm.md"), """
        # Disk full on build agents

        - Duration: 2025-05-01 10:00 to 2025-05-01 12:00 (UTC)

        ## Action items

        - [ ] Alert on disk usage owner: @noor P1
        - [x] Clean old artifacts owner: @jonas
        - [ ] Write a runbook entry
        """);
  }

  /** The whole flow; other wirings (the Guice module) run it too. */
  public static void importSyncAndReport(Followthrough ft, InMemoryTracker tracker, Path dir) throws IOException {
    ft.importPath(postmortem(dir));
    SyncPlan plan = ft.plan("memory");
    assertThat(plan.actions()).hasSize(3);
    assertThat(tracker.tickets()).isEmpty();

    SyncResult first = ft.sync("memory");
    assertThat(first.created()).hasSize(3);
    assertThat(tracker.tickets()).filteredOn(t -> t.state() == TicketState.DONE).hasSize(1);

    String alertKey = tracker.tickets().get(0).key();
    tracker.changeState(alertKey, TicketState.DONE);
    SyncResult second = ft.sync("memory");
    assertThat(second.pulled()).hasSize(1);
    assertThat(ft.items(i -> i.status() == ItemStatus.DONE)).hasSize(2);

    OverdueReport report = ft.report(LocalDate.of(2025, 7, 1));
    assertThat(report.overdue()).singleElement()
        .satisfies(e -> assertThat(e.item().title()).isEqualTo("Write a runbook entry"));
    assertThat(report.overdue().get(0).ticketUrl()).startsWith("memory://");
  }

  @Test
  void wiredWithPlainBuilders() throws IOException {
    try (Followthrough ft = Followthrough.builder().store(ActionStore.directory(dir.resolve("store")))
        .clock(clock).tracker(tracker).build()) {
      importSyncAndReport(ft, tracker, dir);
    }
  }
}
