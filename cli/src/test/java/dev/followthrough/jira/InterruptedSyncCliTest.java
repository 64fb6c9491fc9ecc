package dev.followthrough.jira;

import static org.assertj.core.api.Assertions.assertThat;

import dev.followthrough.cli.CliRunner;
import dev.followthrough.cli.FollowthroughCli;
import dev.followthrough.core.testing.TestClock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real Ctrl-C (SIGINT) sent to a {@code sync} in its own JVM at the moment the Jira simulator
 * has made the issue of a create and not yet answered it: the tool says what was interrupted and
 * that the next sync settles it, and the next sync does, with one issue per item.
 */
class InterruptedSyncCliTest {
  @TempDir Path dir;
  final JiraFixture fixture = new JiraFixture(true, Duration.ZERO, JiraWorkflow.RESOLUTION_ON_SCREEN,
      TestClock.following(Clock.systemUTC()));

  @AfterEach
  void close() {
    fixture.close();
  }

  @Test
  void ctrlCDuringACreateSaysWhatWasInterruptedAndTheNextSyncSettlesIt() throws Exception {
    Path config = Files.writeString(dir.resolve("followthrough.yaml"), "store: " + dir.resolve("store") + "\n" + """
        tracker:
          type: jira
          url: %s
          project: OPS
          email: bot@example.com
          token: %s
          timeout: 1s
          searchLag: 0ms
        """.formatted(fixture.siteUrl(), JiraFixture.CLOUD_TOKEN.reveal()));
    Path doc = Files.writeString(dir.resolve("2025-05-01-queue.md"), "# Queue stalls\n\nIncident date: 2025-05-01\n\n"
        + "## Action items\n\n- [ ] Restart stalled consumers owner: @erin P2\n- [ ] Alert on consumer lag owner: @erin P2\n");
    assertThat(CliRunner.run("import", doc.toString(), "--config", config.toString()).exit()).isZero();

    AtomicReference<Process> child = new AtomicReference<>();
    AtomicBoolean signalled = new AtomicBoolean();
    Object started = new Object();
    // Aimed at the request that made the first issue, before its answer leaves the simulator.
    fixture.jira.faults.afterEachRequest(n -> {
      if (!signalled.get() && !fixture.jira.issues().isEmpty()) {
        synchronized (started) {
          signalled.set(true);
          Process p = child.get();
          try {
            new ProcessBuilder("kill", "-INT", Long.toString(p.pid())).inheritIO().start().waitFor(10, TimeUnit.SECONDS);
            p.waitFor(30, TimeUnit.SECONDS);
          } catch (Exception e) {
            throw new IllegalStateException(e);
          }
        }
      }
    });
    Path log = dir.resolve("child.log");
    synchronized (started) {
      child.set(new ProcessBuilder(List.of(ProcessHandle.current().info().command().orElse("java"), "-XX:TieredStopAtLevel=1",
          "-cp", System.getProperty("java.class.path"), FollowthroughCli.class.getName(), "sync", "--config", config.toString()))
          .redirectErrorStream(true).redirectOutput(log.toFile()).start());
    }
    assertThat(child.get().waitFor(60, TimeUnit.SECONDS)).as("the interrupted sync ends").isTrue();
    fixture.jira.faults.afterEachRequest(null);
    String said = Files.readString(log);
    assertThat(signalled).as("the signal was sent during a create").isTrue();
    assertThat(child.get().exitValue()).as(said).isEqualTo(130);
    assertThat(said).contains("sync interrupted after 0 of ")
        .contains("wait for a create whose outcome is unknown, shown as '(creating)'")
        .contains("2025-05-01-queue-stalls/restart-stalled-consumers")
        .contains("the next sync settles what this one left");
    assertThat(CliRunner.run("list", "--config", config.toString()).out()).contains("(creating)");

    CliRunner.Result next = CliRunner.run("sync", "--config", config.toString());
    for (int i = 0; i < 3 && (next.exit() != 0 || CliRunner.run("list", "--config", config.toString()).out().contains("(creating)")); i++) {
      // A create whose outcome is unknown is settled once the tracker's recovery window has passed.
      Thread.sleep(1000);
      next = CliRunner.run("sync", "--config", config.toString());
    }
    assertThat(next.exit()).as(next.err()).isZero();
    Map<String, Integer> perKey = new HashMap<>();
    fixture.jira.issues().forEach(i -> i.path("fields").path("labels").forEach(l -> {
      if (l.asText().startsWith("ft-")) {
        perKey.merge(l.asText(), 1, Integer::sum);
      }
    }));
    assertThat(perKey).hasSize(2).allSatisfy((key, count) -> assertThat(count).as(key).isEqualTo(1));
    assertThat(CliRunner.run("list", "--config", config.toString()).out()).doesNotContain("(creating)");
  }
}
