package dev.followthrough.cli;

import static dev.followthrough.cli.CliTest.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.followthrough.core.store.ActionStore;
import dev.followthrough.core.tracker.InMemoryTracker;
import dev.followthrough.core.tracker.TrackerFault;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What a person sees of a ticket's life from the command line: lost creates, deleted tickets, unlink. */
class TicketLifecycleCliTest {
  static final String DOC = """
      # Queue backlog

      - Duration: 2025-05-01 10:00 to 2025-05-01 12:00 (UTC)

      ## Action items

      - [ ] Alert on queue age owner: @erin P1 due: 2025-05-10
      - [ ] Drain the backlog owner: @sam due: 2025-05-12
      """;

  @TempDir Path dir;
  InMemoryTracker tracker;
  Path config;
  Path doc;

  @BeforeEach
  void setUp() throws IOException {
    tracker = TestTrackerProvider.reset();
    config = Files.writeString(dir.resolve("followthrough.yaml"),
        "store: " + dir.resolve("store") + "\ntracker:\n  type: test-memory\n  labels: [postmortem]\n");
    doc = Files.writeString(dir.resolve("pm.md"), DOC);
    assertThat(run("import", doc.toString(), "--config", config.toString()).exit()).isZero();
  }

  CliRunner.Result cli(String... args) {
    String[] all = java.util.Arrays.copyOf(args, args.length + 2);
    all[args.length] = "--config";
    all[args.length + 1] = config.toString();
    return run(all);
  }

  @ParameterizedTest(name = "report --format {0}")
  @ValueSource(strings = {"text", "markdown", "csv", "json", "html"})
  void everyReportFormatWorksWhileACreateIsPending(String format) {
    tracker.inject(InMemoryTracker.Call.CREATE, TrackerFault.LATE_ANSWER);
    assertThat(cli("sync").exit()).isEqualTo(1);
    assertThat(cli("list").out()).contains("(creating)");
    CliRunner.Result report = cli("report", "--as-of", "2025-06-01", "--format", format);
    assertThat(report.exit()).as(report.err()).isZero();
    assertThat(report.err()).doesNotContain("internal error");
    assertThat(report.out()).contains("Alert on queue age");
  }

  @Test
  void aDeletedTicketIsNamedByPlanSyncAndListAndUnlinkLetsTheNextSyncCreateANewOne() {
    assertThat(cli("sync").exit()).isZero();
    String gone = tracker.tickets().get(0).key();
    tracker.delete(gone);

    assertThat(cli("plan").out()).contains("ticket " + gone + " was deleted in the tracker")
        .contains("followthrough unlink 2025-05-01-queue-backlog/alert-on-queue-age");
    CliRunner.Result sync = cli("sync");
    assertThat(sync.exit()).as(sync.err()).isZero();
    assertThat(sync.out()).contains("1 with a deleted ticket").contains("ticket " + gone + " was deleted");
    assertThat(cli("list").out()).contains(gone + " (deleted)");
    assertThat(cli("sync").out()).contains("0 created");

    CliRunner.Result unlink = cli("unlink", "2025-05-01-queue-backlog/alert-on-queue-age");
    assertThat(unlink.exit()).as(unlink.err()).isZero();
    assertThat(unlink.out()).contains("Unlinked 2025-05-01-queue-backlog/alert-on-queue-age from test-memory " + gone);
    assertThat(cli("sync").out()).contains("1 created");
    assertThat(tracker.tickets()).hasSize(2);
    assertThat(cli("plan").out()).startsWith("0 changes");
  }

  @Test
  void unlinkExplainsBadInputWithExitCodeTwo() {
    assertThat(cli("unlink", "no-slash").exit()).isEqualTo(2);
    CliRunner.Result missing = cli("unlink", "2025-05-01-queue-backlog/nope");
    assertThat(missing.exit()).isEqualTo(2);
    assertThat(missing.err()).contains("no action item 2025-05-01-queue-backlog/nope").doesNotContain("\tat ");
  }

  @Test
  void unlinkRefusesACreateWhoseOutcomeIsUnknown() {
    tracker.inject(InMemoryTracker.Call.CREATE, TrackerFault.RESET_AFTER_APPLIED);
    assertThat(cli("sync").exit()).isEqualTo(1);
    CliRunner.Result unlink = cli("unlink", "2025-05-01-queue-backlog/alert-on-queue-age");
    assertThat(unlink.exit()).isEqualTo(2);
    assertThat(unlink.err()).contains("create in progress");
    assertThat(cli("sync").exit()).isZero();
    assertThat(tracker.tickets()).hasSize(2);
  }

  @Test
  void reimportingTheSameDocumentFromAnotherFolderChangesNoTicket() throws IOException {
    assertThat(cli("sync").exit()).isZero();
    Path elsewhere = Files.createDirectories(dir.resolve("moved/elsewhere"));
    Path copy = Files.writeString(elsewhere.resolve("pm.md"), DOC);
    assertThat(cli("import", copy.toString()).exit()).isZero();
    tracker.resetCounts();
    assertThat(cli("plan").out()).startsWith("0 changes");
    assertThat(cli("sync").exit()).isZero();
    assertThat(tracker.writeCalls()).isZero();
    assertThat(tracker.tickets()).allSatisfy(t -> assertThat(t.description()).doesNotContain(dir.toString()));
  }

  @Test
  void aStoreKeepsTheDeletedStateAcrossProcesses() {
    assertThat(cli("sync").exit()).isZero();
    tracker.delete(tracker.tickets().get(1).key());
    cli("sync");
    var item = ActionStore.directory(dir.resolve("store")).findAll().get(0).postmortem().item("drain-the-backlog").orElseThrow();
    assertThat(item.tickets()).singleElement().satisfies(t -> assertThat(t.isDeleted()).isTrue());
    assertThat(cli("list", "--format", "json").out()).contains("\"state\" : \"DELETED\"");
  }

}
