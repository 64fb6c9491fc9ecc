package dev.followthrough.jira;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.followthrough.cli.CliRunner;
import dev.followthrough.cli.FollowthroughCli;
import dev.followthrough.core.model.ActionItem;
import dev.followthrough.core.store.ActionStore;
import dev.followthrough.core.store.StoredPostmortem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills the command-line tool with SIGKILL in the middle of {@code sync} against the Jira
 * simulator, again and again, and after every kill checks that a restarted sync succeeds, that
 * each action item has exactly one ticket, and that the store is intact.
 *
 * <p>200 kill points by default; {@code -Dfollowthrough.crash.kills=2000} (or {@code mvn verify
 * -Pcrash-long}) for a longer run.
 */
class CliCrashHarnessTest {
  static final int KILLS = Integer.getInteger("followthrough.crash.kills", 200);
  static final int WORKERS = 2;

  @TempDir Path dir;

  @Test
  void aSyncKilledAtRandomPointsNeverDuplicatesOrDamagesAnything() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(WORKERS);
    List<Future<Integer>> workers = new ArrayList<>();
    for (int w = 0; w < WORKERS; w++) {
      Path workDir = Files.createDirectories(dir.resolve("worker-" + w));
      long seed = 1000L + w;
      workers.add(pool.submit(() -> new Worker(workDir, seed).run(KILLS / WORKERS)));
    }
    int kills = 0;
    for (Future<Integer> f : workers) {
      kills += f.get(20, TimeUnit.MINUTES);
    }
    pool.shutdown();
    assertThat(kills).isGreaterThanOrEqualTo(KILLS);
  }

  /** One simulator, one store, one document that grows; kills until it has its share. */
  static final class Worker {
    final Path dir;
    final Random random;
    final JiraFixture fixture = new JiraFixture(true, Duration.ZERO);
    final Path config;
    final Path document;
    int items = 20;

    Worker(Path dir, long seed) throws IOException {
      this.dir = dir;
      this.random = new Random(seed);
      this.config = Files.writeString(dir.resolve("followthrough.yaml"), """
          store: %s
          tracker:
            type: jira
            url: %s
            project: OPS
            email: bot@example.com
            token: %s
            timeout: 5s
            searchLag: 0s
          """.formatted(dir.resolve("store"), fixture.siteUrl(), JiraFixture.CLOUD_TOKEN.reveal()));
      this.document = dir.resolve("pm.md");
    }

    int run(int wanted) throws Exception {
      int kills = 0;
      try {
        for (int round = 0; kills < wanted && round < wanted * 5; round++) {
          changeBothSides(round);
          if (syncAndKill()) {
            kills++;
          }
          restartedSyncLeavesEverythingConsistent();
        }
      } finally {
        fixture.close();
      }
      return kills;
    }

    /** New items and an edit in the document; a ticket closed in "Jira": work for every phase. */
    void changeBothSides(int round) throws IOException {
      items += 2;
      StringBuilder doc = new StringBuilder("# Crash test postmortem\n\n- Duration: 2025-05-01 10:00 to 2025-05-01 11:00 (UTC)\n\n"
          + "## Action items\n\n");
      for (int i = 0; i < items; i++) {
        doc.append("- [ ] Action number ").append(i).append(i == round % items ? " (revised " + round + ")" : "")
            .append(" owner: @erin\n");
      }
      Files.writeString(document, doc);
      assertThat(cli("import", document.toString(), "--config", config.toString())).isZero();
      var issues = fixture.jira.issues();
      if (!issues.isEmpty()) {
        ObjectNode issue = issues.get(random.nextInt(issues.size()));
        fixture.jira.setStatus(issue.get("key").asText(), "done", "Done", "Done");
      }
    }

    /** Starts sync in its own JVM and SIGKILLs it shortly after its first request; true if killed. */
    boolean syncAndKill() throws Exception {
      int before = fixture.server.getAllServeEvents().size();
      List<String> command = new ArrayList<>(List.of(
          ProcessHandle.current().info().command().orElse("java"), "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
          "-cp", System.getProperty("java.class.path"), FollowthroughCli.class.getName(),
          "sync", "--config", config.toString()));
      Process p = new ProcessBuilder(command).redirectErrorStream(true)
          .redirectOutput(dir.resolve("child.log").toFile()).start();
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      while (fixture.server.getAllServeEvents().size() == before && p.isAlive() && System.nanoTime() < deadline) {
        Thread.sleep(2);
      }
      Thread.sleep(random.nextInt(60));
      boolean killed = p.isAlive();
      p.destroyForcibly();
      assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
      return killed;
    }

    void restartedSyncLeavesEverythingConsistent() {
      assertThat(cli("sync", "--config", config.toString())).as(lastErr).isZero();
      ActionStore store = ActionStore.directory(dir.resolve("store"));
      List<StoredPostmortem> all = store.findAll();
      Map<String, Integer> ticketsPerKey = new HashMap<>();
      for (ObjectNode issue : fixture.jira.issues()) {
        issue.path("fields").path("labels").forEach(l -> {
          if (l.asText().startsWith("ft-")) {
            ticketsPerKey.merge(l.asText(), 1, Integer::sum);
          }
        });
      }
      for (StoredPostmortem p : all) {
        for (ActionItem item : p.postmortem().actionItems()) {
          if (item.missingFromSource()) {
            continue;
          }
          String key = p.postmortem().idempotencyKey(item);
          assertThat(ticketsPerKey.get(key)).as(key).isEqualTo(1);
          assertThat(item.tickets()).as(key).singleElement().satisfies(t -> assertThat(t.isPending()).isFalse());
        }
      }
      assertThat(ticketsPerKey.values()).allMatch(n -> n == 1);
      assertThat(cliOut("plan", "--config", config.toString())).startsWith("0 changes");
    }

    String lastErr = "";

    int cli(String... args) {
      CliRunner.Result r = CliRunner.run(args);
      lastErr = r.err();
      return r.exit();
    }

    String cliOut(String... args) {
      return CliRunner.run(args).out();
    }
  }
}
