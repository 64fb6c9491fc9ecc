package dev.followthrough.jira;

import static org.assertj.core.api.Assertions.assertThat;

import dev.followthrough.cli.CliRunner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code tracker.type: jira} from the command line, against the Jira simulator. */
class JiraCliTest {
  @TempDir Path dir;
  // Jira's clock agrees with this machine's, as a real one does: the incremental search asks for
  // changes since a time of this machine's clock.
  final JiraFixture fixture = new JiraFixture(true, JiraFixture.LAG, JiraWorkflow.RESOLUTION_ON_SCREEN,
      dev.followthrough.core.testing.TestClock.following(java.time.Clock.systemUTC()));

  @AfterEach
  void stop() {
    fixture.close();
  }

  static CliRunner.Result run(String... args) {
    return CliRunner.run(args);
  }

  @Test
  void planSyncAndPlanAgainAgainstJiraCloud() throws IOException {
    Path doc = Files.writeString(dir.resolve("pm.md"), """
        # Queue backlog

        - Duration: 2025-05-01 10:00 to 2025-05-01 12:00 (UTC)

        ## Action items

        - [ ] Alert on queue age owner: @erin P1
        - [x] Drain the backlog owner: sam@example.com
        """);
    Path config = Files.writeString(dir.resolve("followthrough.yaml"), """
        store: %s
        tracker:
          type: jira
          url: %s
          deployment: cloud
          project: OPS
          email: bot@example.com
          token: %s
          labels: [postmortem]
          users:
            erin: 5b10ac8d82e05b22cc7d4ef5
        """.formatted(dir.resolve("store"), fixture.siteUrl(), JiraFixture.CLOUD_TOKEN.reveal()));
    assertThat(run("import", doc.toString(), "--config", config.toString()).exit()).isEqualTo(0);

    CliRunner.Result plan = run("plan", "--config", config.toString());
    assertThat(plan.exit()).as(plan.err()).isEqualTo(0);
    assertThat(plan.out()).contains("create", "2 changes");
    assertThat(fixture.jira.issues()).isEmpty();

    CliRunner.Result sync = run("sync", "--config", config.toString());
    assertThat(sync.exit()).as(sync.err()).isEqualTo(0);
    assertThat(sync.out()).contains("2 created");
    assertThat(fixture.jira.issues()).hasSize(2);
    dev.followthrough.tck.SecretForms.of(JiraFixture.CLOUD_TOKEN.reveal()).basic("bot@example.com", JiraFixture.CLOUD_TOKEN.reveal()).assertNotIn("sync output", sync.out() + sync.err());

    fixture.jira.setStatus(fixture.jira.issues().get(0).get("key").asText(), "done", "Done", "Done");
    // The next scheduled sync comes after Jira's search index has caught up with the change.
    fixture.clock.advance(JiraFixture.LAG);
    assertThat(run("sync", "--config", config.toString()).out()).contains("incremental sync: ").contains("1 pulled");
    assertThat(run("sync", "--full", "--config", config.toString()).out()).startsWith("full sync: ");
    assertThat(run("plan", "--config", config.toString()).out()).startsWith("0 changes");
  }

  @Test
  void badCredentialsFailWithAClearMessageAndNoSecret() throws IOException {
    Path config = Files.writeString(dir.resolve("bad.yaml"), """
        store: %s
        tracker: {type: jira, url: '%s', project: OPS, email: bot@example.com, token: wrong-token-value}
        """.formatted(dir.resolve("store"), fixture.siteUrl()));
    Path doc = Files.writeString(dir.resolve("pm.md"), "# X\n\n## Action items\n\n- Do it\n");
    run("import", doc.toString(), "--config", config.toString());
    CliRunner.Result sync = run("sync", "--config", config.toString());
    assertThat(sync.exit()).isEqualTo(1);
    assertThat(sync.err()).contains("Jira rejected the credentials (401)").doesNotContain("wrong-token-value").doesNotContain("\tat ");
  }
}
