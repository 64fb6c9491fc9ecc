package dev.followthrough.jira;

import static org.assertj.core.api.Assertions.assertThat;

import dev.followthrough.cli.FollowthroughCli;
import dev.followthrough.core.model.ActionItem;
import dev.followthrough.core.store.ActionStore;
import dev.followthrough.postgres.PostgresSettings;
import dev.followthrough.postgres.ThrowawayPostgres;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Several CLI processes, each in its own JVM as on separate machines, sharing one PostgreSQL store
 * and one Jira: only the database's advisory lock and the create protocol keep them apart.
 */
@ExtendWith(ThrowawayPostgres.Available.class)
class PostgresProcessesCliTest {
  static final int ITEMS = 40;

  @TempDir Path dir;
  JiraFixture fixture;
  ThrowawayPostgres pg;
  String database;
  PostgresSettings settings;
  Path config;
  Path document;

  @BeforeEach
  void setUp() throws IOException {
    fixture = new JiraFixture(true, Duration.ZERO);
    pg = ThrowawayPostgres.shared();
    database = pg.createDatabase("procs");
    settings = pg.settings(database);
    config = Files.writeString(dir.resolve("followthrough.yaml"), """
        store:
          type: postgres
          url: %s
          user: %s
          password: ${PGPASS}
        tracker:
          type: jira
          url: %s
          project: OPS
          email: bot@example.com
          token: ${FT_TEST_JIRA_TOKEN}
          searchLag: 0s
        """.formatted(settings.url(), settings.user(), fixture.siteUrl()));
    document = Files.writeString(dir.resolve("pm.md"), document(ITEMS, "2025-05-20"));
  }

  @AfterEach
  void stop() {
    fixture.close();
  }

  static String document(int items, String firstDue) {
    StringBuilder doc = new StringBuilder("# Processes\n\n- Duration: 2025-05-01 10:00 to 2025-05-01 11:00 (UTC)\n\n"
        + "## Action items\n\n");
    for (int i = 0; i < items; i++) {
      doc.append("- [ ] Process item ").append(i).append(" owner: @erin due: ")
          .append(i == 0 ? firstDue : "2025-05-20").append('\n');
    }
    return doc.toString();
  }

  Process start(String... args) throws IOException {
    List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
        "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"), FollowthroughCli.class.getName()));
    command.addAll(List.of(args));
    command.addAll(List.of("--config", config.toString()));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().put("FT_TEST_JIRA_TOKEN", JiraFixture.CLOUD_TOKEN.reveal());
    builder.environment().put("PGPASS", pg.password().reveal());
    return builder.start();
  }

  String output(Process p) throws Exception {
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(out).doesNotContain(pg.password().reveal());
    return out;
  }

  /** Tickets per item label in the simulator, over every label an issue carries. */
  Map<String, Integer> ticketsPerItem() {
    Map<String, Integer> perKey = new HashMap<>();
    fixture.jira.issues().forEach(i -> i.path("fields").path("labels")
        .forEach(l -> { if (l.asText().startsWith("ft-")) { perKey.merge(l.asText(), 1, Integer::sum); } }));
    return perKey;
  }

  void assertEveryItemLinkedOnce(int items) {
    assertThat(ticketsPerItem()).hasSize(items).allSatisfy((key, n) -> assertThat(n).as(key).isEqualTo(1));
    try (ActionStore store = settings.open()) {
      List<ActionItem> stored = store.findAll().get(0).postmortem().actionItems();
      assertThat(stored).hasSize(items).allSatisfy(i -> assertThat(i.tickets()).as(i.id()).hasSize(1));
    }
  }

  /** Every request to the simulator waits, so that a sync lasts long enough for others to meet it. */
  void slowTracker(int millis) {
    fixture.server.setGlobalFixedDelay(millis);
  }

  @Test
  void twoSyncsStartedTogetherNeverMakeADuplicateTicket() throws Exception {
    assertThat(output(start("import", document.toString()))).contains(ITEMS + " action items");
    slowTracker(150);
    Process a = start("sync");
    Process b = start("sync");
    String outA = output(a);
    String outB = output(b);
    assertEveryItemLinkedOnce(ITEMS);
    List<String> outs = List.of(outA, outB);
    List<Integer> exits = List.of(a.exitValue(), b.exitValue());
    // Either one found the other's run in progress and stopped, or they ran one after the other.
    boolean oneRefused = exits.contains(0) && outs.stream().anyMatch(o -> o.contains("another sync of postgres"));
    boolean bothFinished = exits.stream().allMatch(e -> e == 0);
    assertThat(oneRefused || bothFinished).as(outA + "\n----\n" + outB).isTrue();
    assertThat(outA + outB).contains(ITEMS + " created");
  }

  @Test
  void twoSchedulersOnOneStoreTakeTurnsAndReportSkippedRuns() throws Exception {
    assertThat(output(start("import", document.toString()))).contains(ITEMS + " action items");
    slowTracker(150);
    Process a = start("schedule", "--every", "1s", "--max-runs", "3");
    Process b = start("schedule", "--every", "1s", "--max-runs", "3");
    String outA = output(a);
    String outB = output(b);
    assertThat(a.exitValue()).as(outA).isZero();
    assertThat(b.exitValue()).as(outB).isZero();
    assertEveryItemLinkedOnce(ITEMS);
    String all = outA + outB;
    assertThat(all).contains(ITEMS + " created");
    // Both fire on the same second boundary, and the creating run lasts past it: the loser skips.
    assertThat(all).contains("skipped a run: another sync of postgres");
    // A skipped run does not count toward --max-runs: each process finishes three syncs of its own.
    long finished = all.lines().filter(l -> l.matches("^\\d{4}-.*Z .*")).count();
    assertThat(finished).as(all).isEqualTo(6);
  }

  @Test
  void anImportDuringASyncLosesNothingAndTheNextSyncPushesIt() throws Exception {
    assertThat(output(start("import", document.toString()))).contains(ITEMS + " action items");
    slowTracker(150);
    Process sync = start("sync");
    waitFor(() -> !fixture.jira.issues().isEmpty() || !sync.isAlive());
    assertThat(sync.isAlive()).as("the sync still runs when the import starts").isTrue();
    // The edit: item 0 gets a later due date and a new item is added.
    Files.writeString(document, document(ITEMS + 1, "2025-06-30"));
    Process imported = start("import", document.toString());
    String importOut = output(imported);
    assertThat(imported.exitValue()).as(importOut).isZero();
    assertThat(output(sync)).contains(ITEMS + " created");
    assertThat(sync.exitValue()).isZero();

    try (ActionStore store = settings.open()) {
      List<ActionItem> stored = store.findAll().get(0).postmortem().actionItems();
      assertThat(stored).as("the import's edit was kept through the sync's writes").hasSize(ITEMS + 1);
      assertThat(stored.get(0).dueDate()).hasToString("2025-06-30");
      assertThat(stored.subList(0, ITEMS)).allSatisfy(i -> assertThat(i.tickets()).as("the sync's links were kept").hasSize(1));
    }
    slowTracker(0);
    String next = output(start("sync"));
    assertThat(next).contains("1 created");
    assertEveryItemLinkedOnce(ITEMS + 1);
    Predicate<com.fasterxml.jackson.databind.JsonNode> firstItem =
        i -> i.path("fields").path("summary").asText().contains("Process item 0");
    assertThat(fixture.jira.issues().stream().filter(firstItem::test).toList()).singleElement()
        .satisfies(i -> assertThat(i.path("fields").path("duedate").asText()).isEqualTo("2025-06-30"));
  }

  @Test
  void aSyncWhoseLockSessionIsKilledStopsWithExitOneAndTheNextSyncFinishesWithoutADuplicate() throws Exception {
    int items = 60;
    Files.writeString(document, document(items, "2025-05-20"));
    assertThat(output(start("import", document.toString()))).contains(items + " action items");
    java.util.concurrent.atomic.AtomicInteger killed = new java.util.concurrent.atomic.AtomicInteger();
    // Right after the first bulk create was carried out, before its answer: the next write is the second bulk.
    fixture.jira.faults.afterEachRequest(n -> {
      if (!fixture.jira.issues().isEmpty() && killed.get() == 0) {
        pg.execute("postgres", "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '" + database
            + "' AND application_name = 'followthrough run lock'");
        killed.incrementAndGet();
      }
    });
    Process first = start("sync");
    String out = output(first);
    fixture.jira.faults.afterEachRequest(null);

    assertThat(killed).hasValue(1);
    assertThat(first.exitValue()).as(out).isEqualTo(1);
    assertThat(out).contains("the run lock of postgres").contains("was lost").contains("50 created")
        .doesNotContain("Exception").doesNotContain("\tat ");
    assertThat(fixture.jira.issues()).as("no create after the loss").hasSize(50);
    Process next = start("sync");
    String nextOut = output(next);
    assertThat(next.exitValue()).as(nextOut).isZero();
    assertThat(nextOut).contains("10 created");
    assertEveryItemLinkedOnce(items);
  }

  static void waitFor(java.util.function.BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (!condition.getAsBoolean()) {
      assertThat(System.nanoTime()).as("waited 30 s").isLessThan(deadline);
      Thread.sleep(20);
    }
  }
}
