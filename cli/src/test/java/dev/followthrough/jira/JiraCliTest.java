package dev.followthrough.jira;

import static org.assertj.core.api.Assertions.assertThat;

import dev.followthrough.cli.FollowthroughCli;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code tracker.type: jira} from the command line, against the Jira simulator. */
class JiraCliTest {
  @TempDir Path dir;
  final JiraFixture fixture = new JiraFixture(true);

  @AfterEach
  void stop() {
    fixture.close();
  }

  static String[] run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit = FollowthroughCli.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    return new String[] {String.valueOf(exit), out.toString(), err.toString()};
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
        """.formatted(dir.resolve("store"), fixture.server.baseUrl(), JiraFixture.CLOUD_TOKEN.reveal()));
    assertThat(run("import", doc.toString(), "--config", config.toString())[0]).isEqualTo("0");

    String[] plan = run("plan", "--config", config.toString());
    assertThat(plan[0]).as(plan[2]).isEqualTo("0");
    assertThat(plan[1]).contains("create", "2 changes");
    assertThat(fixture.jira.issues()).isEmpty();

    String[] sync = run("sync", "--config", config.toString());
    assertThat(sync[0]).as(sync[2]).isEqualTo("0");
    assertThat(sync[1]).contains("2 created");
    assertThat(fixture.jira.issues()).hasSize(2);
    assertThat(sync[1] + sync[2]).doesNotContain(JiraFixture.CLOUD_TOKEN.reveal());

    fixture.jira.setStatus(fixture.jira.issues().get(0).get("key").asText(), "done", "Done", "Done");
    assertThat(run("sync", "--config", config.toString())[1]).contains("1 pulled");
    assertThat(run("plan", "--config", config.toString())[1]).startsWith("0 changes");
  }

  @Test
  void badCredentialsFailWithAClearMessageAndNoSecret() throws IOException {
    Path config = Files.writeString(dir.resolve("bad.yaml"), """
        store: %s
        tracker: {type: jira, url: '%s', project: OPS, email: bot@example.com, token: wrong-token-value}
        """.formatted(dir.resolve("store"), fixture.server.baseUrl()));
    Path doc = Files.writeString(dir.resolve("pm.md"), "# X\n\n## Action items\n\n- Do it\n");
    run("import", doc.toString(), "--config", config.toString());
    String[] sync = run("sync", "--config", config.toString());
    assertThat(sync[0]).isEqualTo("1");
    assertThat(sync[2]).contains("Jira rejected the credentials (401)").doesNotContain("wrong-token-value").doesNotContain("\tat ");
  }
}
