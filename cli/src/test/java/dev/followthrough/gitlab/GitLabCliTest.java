package dev.followthrough.gitlab;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.followthrough.cli.CliRunner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code tracker.type: gitlab} from the command line, against the GitLab simulator. */
class GitLabCliTest {
  @TempDir Path dir;
  final GitLabFixture fixture = new GitLabFixture(dev.followthrough.core.testing.TestClock.following(java.time.Clock.systemUTC()));

  @AfterEach
  void stop() {
    fixture.close();
  }

  @Test
  void planAndSyncAgainstGitLab() throws IOException {
    Path doc = Files.writeString(dir.resolve("pm.md"), """
        # Queue backlog

        - Duration: 2025-05-01 10:00 to 2025-05-01 12:00 (UTC)

        ## Action items

        - [ ] Alert on queue age owner: @erin P1 due: 2025-06-01
        - [x] Drain the backlog owner: @sam
        """);
    Path config = Files.writeString(dir.resolve("followthrough.yaml"), """
        store: %s
        tracker:
          type: gitlab
          url: %s
          project: acme/sre/ops
          token: %s
          labels: [postmortem]
          users:
            sam: sam-o
        """.formatted(dir.resolve("store"), fixture.server.baseUrl(), GitLabFixture.TOKEN.reveal()));
    String token = GitLabFixture.TOKEN.reveal();
    assertThat(CliRunner.run("import", doc.toString(), "--config", config.toString()).exit()).isEqualTo(0);
    CliRunner.Result plan = CliRunner.run("plan", "--config", config.toString());
    assertThat(plan.exit()).as(plan.err()).isEqualTo(0);
    assertThat(plan.out()).contains("2 changes");
    assertThat(fixture.gitlab.projectIssues()).isEmpty();

    CliRunner.Result sync = CliRunner.run("sync", "--config", config.toString());
    assertThat(sync.exit()).as(sync.err()).isEqualTo(0);
    assertThat(sync.out()).contains("2 created");
    ObjectNode alert = fixture.gitlab.issue(1);
    assertThat(alert.path("title").asText()).isEqualTo("Alert on queue age");
    assertThat(alert.path("due_date").asText()).isEqualTo("2025-06-01");
    assertThat(alert.path("labels").toString()).contains("followthrough", "postmortem", "priority::P1", "ft-");
    assertThat(alert.path("assignees").get(0).path("username").asText()).isEqualTo("erin");
    assertThat(alert.path("description").asText()).contains("<!-- followthrough:ft-");
    ObjectNode drain = fixture.gitlab.issue(2);
    assertThat(drain.path("state").asText()).isEqualTo("closed");
    assertThat(drain.path("assignees").get(0).path("username").asText()).isEqualTo("sam-o");
    dev.followthrough.tck.SecretForms.of(token).assertNotIn("sync output", sync.out() + sync.err());

    fixture.gitlab.close(1, true);
    CliRunner.Result again = CliRunner.run("sync", "--config", config.toString());
    assertThat(again.exit()).as(again.err()).isEqualTo(0);
    assertThat(again.out()).contains("1 pulled");
    assertThat(CliRunner.run("list", "--status", "WONT_DO", "--config", config.toString()).out()).contains("Alert on queue age");
  }

  @Test
  void aSectionWithoutProjectOrTokenIsABadInputNamingTheFields() throws IOException {
    Path config = Files.writeString(dir.resolve("followthrough.yaml"), """
        store: %s
        tracker:
          type: gitlab
          url: %s
          projekt: acme/ops
        """.formatted(dir.resolve("store"), fixture.server.baseUrl()));
    CliRunner.Result plan = CliRunner.run("plan", "--config", config.toString());
    assertThat(plan.exit()).isEqualTo(2);
    assertThat(plan.err()).contains("tracker.project", "tracker.token", "tracker.projekt").doesNotContain("Exception");
  }
}
