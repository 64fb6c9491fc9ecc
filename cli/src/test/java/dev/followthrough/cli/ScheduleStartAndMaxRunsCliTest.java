package dev.followthrough.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.followthrough.core.store.ActionStore;
import dev.followthrough.core.tracker.InMemoryTracker;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code schedule --every} runs once at start; a run skipped because the store is locked is not a run. */
class ScheduleStartAndMaxRunsCliTest {
  @TempDir Path dir;
  InMemoryTracker tracker;
  Path config;

  @BeforeEach
  void setUp() throws IOException {
    tracker = TestTrackerProvider.reset();
    config = Files.writeString(dir.resolve("followthrough.yaml"),
        "store: " + dir.resolve("store") + "\ntracker:\n  type: test-memory\n");
    Path doc = Files.writeString(dir.resolve("pm.md"), "# Queue backlog\n\nIncident date: 2025-05-01\n\n## Action items\n\n"
        + "- [ ] Alert on queue age owner: @erin P1\n");
    assertThat(CliRunner.run("import", doc.toString(), "--config", config.toString()).exit()).isZero();
  }

  @Test
  void everyHourRunsOnceAtStartInsteadOfWaitingAnHour() {
    CliRunner.Result r = assertTimeoutPreemptively(Duration.ofSeconds(30),
        () -> CliRunner.run("schedule", "--every", "1h", "--max-runs", "1", "--config", config.toString()));
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).contains("1 created");
    assertThat(r.err()).doesNotContain("next sync at");
    assertThat(tracker.tickets()).hasSize(1);
  }

  @Test
  void aRunSkippedWhileAnotherHoldsTheStoreDoesNotCountTowardMaxRuns() throws Exception {
    CountDownLatch skipped = new CountDownLatch(1);
    StringWriter err = new StringWriter();
    Writer watching = new Writer() {
      @Override
      public void write(char[] buf, int off, int len) {
        err.write(buf, off, len);
        if (err.toString().contains("skipped a run")) {
          skipped.countDown();
        }
      }

      @Override
      public void flush() {}

      @Override
      public void close() {}
    };
    StringWriter out = new StringWriter();
    ActionStore store = ActionStore.directory(dir.resolve("store"));
    CompletableFuture<Integer> exit;
    try (var held = store.tryLockRun().orElseThrow()) {
      exit = CompletableFuture.supplyAsync(() -> FollowthroughCli.run(
          new String[] {"schedule", "--every", "20ms", "--max-runs", "1", "--config", config.toString()},
          new PrintWriter(out, true), new PrintWriter(watching, true)));
      assertThat(skipped.await(20, TimeUnit.SECONDS)).as("a run was skipped: " + err).isTrue();
    } finally {
      store.close();
    }
    assertThat(exit.get(30, TimeUnit.SECONDS)).as(err.toString()).isZero();
    assertThat(out.toString()).as("the one counted run synced").contains("1 created");
    assertThat(tracker.tickets()).hasSize(1);
  }
}
