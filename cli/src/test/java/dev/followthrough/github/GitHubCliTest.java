package dev.followthrough.github;

import static org.assertj.core.api.Assertions.assertThat;

import dev.followthrough.cli.CliRunner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code tracker.type: github} from the command line, against the GitHub simulator. */
class GitHubCliTest {
  @TempDir Path dir;
  // GitHub's clock agrees with this machine's, as a real one does: the incremental list asks for
  // changes since a time of this machine's clock.
  final GitHubFixture fixture = new GitHubFixture(dev.followthrough.core.testing.TestClock.following(java.time.Clock.systemUTC()));

  @AfterEach
  void stop() {
    fixture.close();
  }

  static CliRunner.Result run(String... args) {
    return CliRunner.run(args);
  }

  @Test
  void planSyncAndScheduleAgainstGitHub() throws IOException {
    Path doc = Files.writeString(dir.resolve("pm.md"), """
        # Queue backlog

        - Duration: 2025-05-01 10:00 to 2025-05-01 12:00 (UTC)

        ## Action items

        - [ ] Alert on queue age owner: @erin P1
        - [x] Drain the backlog owner: @sam
        """);
    Path config = Files.writeString(dir.resolve("followthrough.yaml"), """
        store: %s
        tracker:
          type: github
          url: %s
          repository: acme/ops
          token: %s
          labels: [postmortem]
          users:
            sam: sam-o
        """.formatted(dir.resolve("store"), fixture.server.baseUrl(), GitHubFixture.TOKEN.reveal()));
    assertThat(run("import", doc.toString(), "--config", config.toString()).exit()).isEqualTo(0);
    assertThat(run("plan", "--config", config.toString()).out()).contains("2 changes");
    assertThat(fixture.github.issues()).isEmpty();

    CliRunner.Result sync = run("sync", "--config", config.toString());
    assertThat(sync.exit()).as(sync.err()).isEqualTo(0);
    assertThat(sync.out()).contains("2 created");
    assertThat(fixture.github.issues()).hasSize(2);
    assertThat(fixture.github.issues().get(1).path("state").asText()).isEqualTo("closed");
    dev.followthrough.tck.SecretForms.of(GitHubFixture.TOKEN.reveal()).basic("bot@example.com", GitHubFixture.TOKEN.reveal()).assertNotIn("sync output", sync.out() + sync.err());

    fixture.github.close(1, "not_planned");
    CliRunner.Result schedule = run("schedule", "--every", "10ms", "--max-runs", "2", "--config", config.toString());
    assertThat(schedule.exit()).as(schedule.err()).isEqualTo(0);
    assertThat(schedule.out()).contains("1 pulled").contains("incremental sync: ");
    assertThat(run("list", "--status", "WONT_DO", "--config", config.toString()).out()).contains("Alert on queue age");
  }
}
