package dev.followthrough.cli;

import static dev.followthrough.cli.CliTest.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.followthrough.core.tracker.InMemoryTracker;
import dev.followthrough.core.tracker.TicketState;
import dev.followthrough.core.tracker.TrackerException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SyncCommandsTest {
  @TempDir Path dir;
  InMemoryTracker tracker;
  Path config;

  @BeforeEach
  void setUp() throws IOException {
    tracker = TestTrackerProvider.reset();
    config = Files.writeString(dir.resolve("followthrough.yaml"),
        "store: " + dir.resolve("store") + "\ntracker:\n  type: test-memory\n  labels: [postmortem]\n");
    Path doc = Files.writeString(dir.resolve("pm.md"), """
        # Queue backlog

        - Duration: 2025-05-01 10:00 to 2025-05-01 12:00 (UTC)

        ## Action items

        - [ ] Alert on queue age owner: @erin P1
        - [x] Drain the backlog owner: @sam
        """);
    assertThat(run("import", doc.toString(), "--config", config.toString()).exit()).isZero();
  }

  @Test
  void planPrintsTheChangesAndTouchesNothing() {
    CliRunner.Result plan = run("plan", "--config", config.toString());
    assertThat(plan.exit()).as(plan.err()).isZero();
    assertThat(plan.out()).contains("create   2025-05-01-queue-backlog/alert-on-queue-age: \"Alert on queue age\"")
        .contains("(closed as DONE)").contains("2 changes");
    assertThat(tracker.tickets()).isEmpty();
  }

  @Test
  void syncCreatesThenPullsStatusBack() {
    CliRunner.Result first = run("sync", "--config", config.toString());
    assertThat(first.exit()).as(first.err()).isZero();
    assertThat(first.out()).contains("2 created");
    assertThat(tracker.tickets()).hasSize(2);
    assertThat(tracker.tickets().get(0).labels()).contains("postmortem",
        dev.followthrough.core.model.TicketKeys.of("2025-05-01-queue-backlog", "alert-on-queue-age"));

    tracker.changeState(tracker.tickets().get(0).key(), TicketState.DONE);
    assertThat(run("sync", "--config", config.toString()).out()).contains("1 pulled");
    assertThat(run("list", "--status", "DONE", "--config", config.toString()).out()).contains("Alert on queue age");
    assertThat(run("plan", "--config", config.toString()).out()).startsWith("0 changes, 2 items already in sync");
  }

  @Test
  void syncWithItemFailuresExitsOne() {
    tracker.failNext(InMemoryTracker.Call.CREATE,
        new TrackerException("test-memory", TrackerException.Kind.INVALID, 400, "summary: too long"));
    CliRunner.Result r = run("sync", "--config", config.toString());
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.err()).contains("summary: too long");
    assertThat(r.out()).contains("2 failed");
  }

  @Test
  void scheduleRunsTheGivenNumberOfTimes() {
    CliRunner.Result r = run("schedule", "--every", "10ms", "--max-runs", "3", "--config", config.toString());
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out().lines()).hasSize(3);
    assertThat(r.out().lines().findFirst().orElseThrow()).contains("2 created");
    assertThat(tracker.tickets()).hasSize(2);
  }

  @Test
  void scheduleNeedsExactlyOneOfCronAndEvery() {
    assertThat(run("schedule", "--config", config.toString()).exit()).isEqualTo(2);
    assertThat(run("schedule", "--cron", "0 * * * *", "--every", "1h", "--config", config.toString()).exit()).isEqualTo(2);
    CliRunner.Result bad = run("schedule", "--cron", "whenever", "--config", config.toString());
    assertThat(bad.exit()).isEqualTo(2);
    assertThat(bad.err()).contains("cron: 'whenever'");
    assertThat(run("schedule", "--every", "soon", "--config", config.toString()).err()).contains("'soon' is not a duration");
  }

  @Test
  void aMissingTrackerSectionOrUnknownTypeIsBadInput() throws IOException {
    Path none = Files.writeString(dir.resolve("none.yaml"), "store: " + dir.resolve("store") + "\n");
    CliRunner.Result r = run("sync", "--config", none.toString());
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("no tracker is configured");
    Path other = Files.writeString(dir.resolve("other.yaml"), "tracker: {type: redmine}\n");
    CliRunner.Result unknown = run("plan", "--config", other.toString());
    assertThat(unknown.exit()).isEqualTo(2);
    assertThat(unknown.err()).contains("tracker type 'redmine' is not available").contains("test-memory");
  }

  @Test
  void reportNotifyCommentsOnOverdueTicketsOnceAndPostsToTheWebhook() throws IOException {
    var server = com.sun.net.httpserver.HttpServer.create(new java.net.InetSocketAddress("127.0.0.1", 0), 0);
    java.util.List<String> posts = new java.util.ArrayList<>();
    server.createContext("/hook", exchange -> {
      posts.add(new String(exchange.getRequestBody().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
      exchange.sendResponseHeaders(200, -1);
      exchange.close();
    });
    server.start();
    try {
      Path notifying = Files.writeString(dir.resolve("notify.yaml"), Files.readString(config)
          + "notify:\n  webhook: http://127.0.0.1:" + server.getAddress().getPort() + "/hook\n  comments: true\n"
          + "  commentEvery: 7d\n");
      assertThat(run("sync", "--config", notifying.toString()).exit()).isZero();
      CliRunner.Result r = run("report", "--as-of", "2025-07-01", "--notify", "--config", notifying.toString());
      assertThat(r.exit()).as(r.err()).isZero();
      assertThat(r.err()).contains("ticket reminders on test-memory: 1 sent").contains("webhook at 127.0.0.1: 1 sent");
      assertThat(tracker.comments(tracker.tickets().get(0).key())).hasSize(1);
      assertThat(posts).singleElement().asString().contains("Alert on queue age");

      run("report", "--as-of", "2025-07-01", "--notify", "--config", notifying.toString());
      assertThat(tracker.comments(tracker.tickets().get(0).key())).hasSize(1);
    } finally {
      server.stop(0);
    }
  }

  @Test
  void notifyWithoutANotifySectionIsBadInput() {
    CliRunner.Result r = run("report", "--notify", "--config", config.toString());
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("needs a 'notify:' section");
  }
}
