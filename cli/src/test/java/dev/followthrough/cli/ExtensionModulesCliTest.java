package dev.followthrough.cli;

import static dev.followthrough.cli.CliTest.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.followthrough.core.store.StoredPostmortem;
import dev.followthrough.core.tracker.InMemoryTracker;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A tracker and a store added from outside the project's modules, through the SPIs alone (a
 * provider class and a services file each, see TestTrackerProvider and TestStoreProvider): every
 * command uses them as it uses the built-in ones.
 */
class ExtensionModulesCliTest {
  @TempDir Path dir;
  InMemoryTracker tracker;
  Path doc;

  @BeforeEach
  void setUp() throws IOException {
    tracker = TestTrackerProvider.reset();
    TestStoreProvider.STORES.clear();
    doc = Files.writeString(dir.resolve("pm.md"), TicketLifecycleCliTest.DOC);
  }

  Path config(String yaml) throws IOException {
    return Files.writeString(dir.resolve("followthrough.yaml"), yaml);
  }

  @Test
  void importSyncListAndReportRunOnTheExtraStoreAndTracker() throws IOException {
    String cfg = config("""
        store: {type: test-memory, name: team-a}
        tracker: {type: test-memory, board: ops, labels: [postmortem]}
        """).toString();
    assertThat(run("import", doc.toString(), "--config", cfg).exit()).isZero();
    assertThat(TestStoreProvider.STORES.get("team-a").findAll()).singleElement()
        .extracting(StoredPostmortem::postmortem).satisfies(p -> assertThat(p.actionItems()).hasSize(2));
    assertThat(dir.resolve(".followthrough")).doesNotExist();

    CliRunner.Result plan = run("plan", "--config", cfg);
    assertThat(plan.out()).contains("create");
    CliRunner.Result sync = run("sync", "--config", cfg);
    assertThat(sync.exit()).as(sync.err()).isZero();
    assertThat(tracker.tickets()).hasSize(2).allSatisfy(t -> assertThat(t.labels()).contains("postmortem"));

    assertThat(run("list", "--config", cfg).out()).contains("alert-on-queue-age").contains("MEM-1");
    CliRunner.Result report = run("report", "--as-of", "2025-06-01", "--config", cfg);
    assertThat(report.exit()).isZero();
    assertThat(report.out()).contains("Alert on queue age");
  }

  @Test
  void anEmptyExtraStoreIsNamedByItsOwnDescription() throws IOException {
    String cfg = config("store: {type: test-memory, name: empty}\n").toString();
    assertThat(run("list", "--config", cfg).out()).contains("the store test store empty is empty");
  }

  @Test
  void eachProviderChecksItsOwnKeysAndEveryProblemIsReportedAtOnce() throws IOException {
    String cfg = config("""
        store: {type: test-memory, colour: red}
        tracker: {type: test-memory, board: OPS, conflicts: sometimes}
        """).toString();
    CliRunner.Result r = run("list", "--config", cfg);
    assertThat(r.exit()).isEqualTo(FollowthroughCli.BAD_INPUT);
    assertThat(r.err()).contains("store.colour: unknown key").contains("store.name: must be given")
        .contains("tracker.board: 'OPS' must be lowercase letters")
        .contains("tracker.conflicts: 'sometimes'")
        .doesNotContain("Exception");
  }

  @Test
  void anUninstalledTypeNamesTheInstalledOnes() throws IOException {
    CliRunner.Result r = run("list", "--config", config("tracker: {type: linear}\nstore: {type: mongo}\n").toString());
    assertThat(r.exit()).isEqualTo(FollowthroughCli.BAD_INPUT);
    assertThat(r.err()).contains("tracker type 'linear' is not available in this build (available: alpha-keys, github, gitlab, jira, test-memory)")
        .contains("store.type: 'mongo' is not available in this build (available: directory, postgres, test-memory)");
  }
}
