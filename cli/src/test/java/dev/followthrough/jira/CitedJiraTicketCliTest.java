package dev.followthrough.jira;

import static org.assertj.core.api.Assertions.assertThat;

import dev.followthrough.cli.CliRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A document citing OPS-412, which a fresh Jira does not have: said once, never "deleted", the item gets its own issue. */
class CitedJiraTicketCliTest {
  @TempDir Path dir;
  final JiraFixture fixture = new JiraFixture(true, Duration.ZERO);

  @AfterEach
  void close() {
    fixture.close();
  }

  @Test
  void aCitedKeyJiraDoesNotHaveIsReportedOnceAndReplacedByTheItemsOwnIssue() throws Exception {
    Path config = Files.writeString(dir.resolve("followthrough.yaml"), "store: " + dir.resolve("store") + "\n" + """
        tracker:
          type: jira
          url: %s
          project: OPS
          email: bot@example.com
          token: %s
          searchLag: 0ms
        """.formatted(fixture.siteUrl(), JiraFixture.CLOUD_TOKEN.reveal()));
    Path doc = Files.writeString(dir.resolve("2025-05-03-webhooks.md"), """
        # Payment webhook backlog

        Incident date: 2025-05-03

        ## Action items

        | Action item | Owner | Priority | Due | Ticket |
        |---|---|---|---|---|
        | Alert on webhook queue age above 5 minutes | @erin | P1 | 2025-05-17 | OPS-412 |
        | Drain the backlog | @erin | P2 | 2025-05-20 | |
        """);
    String[] cfg = {"--config", config.toString()};
    assertThat(CliRunner.run("import", doc.toString(), cfg[0], cfg[1]).exit()).isZero();
    // Read by every module whose keys look like this one (the CLI tests install one beside Jira), shown once.
    assertThat(CliRunner.run("list", cfg[0], cfg[1]).out().split("OPS-412", -1)).hasSize(2);

    CliRunner.Result plan = CliRunner.run("plan", cfg[0], cfg[1]);
    assertThat(plan.out()).contains("referenced ticket OPS-412 not found").doesNotContain("deleted");
    CliRunner.Result sync = CliRunner.run("sync", cfg[0], cfg[1]);
    assertThat(sync.exit()).as(sync.err()).isZero();
    assertThat(sync.err().split("referenced ticket OPS-412 not found", -1)).as(sync.err()).hasSize(2);
    assertThat(sync.out() + sync.err()).doesNotContain("deleted");

    for (String command : new String[] {"plan", "sync"}) {
      CliRunner.Result again = CliRunner.run(command, cfg[0], cfg[1]);
      assertThat(again.out() + again.err()).as(command).doesNotContain("OPS-412").doesNotContain("deleted");
    }
    assertThat(CliRunner.run("import", doc.toString(), cfg[0], cfg[1]).exit()).isZero();
    assertThat(CliRunner.run("plan", cfg[0], cfg[1]).out()).startsWith("0 changes");
    Map<String, Integer> perKey = new HashMap<>();
    fixture.jira.issues().forEach(i -> i.path("fields").path("labels").forEach(l -> {
      if (l.asText().startsWith("ft-")) {
        perKey.merge(l.asText(), 1, Integer::sum);
      }
    }));
    assertThat(perKey).hasSize(2).allSatisfy((key, count) -> assertThat(count).as(key).isEqualTo(1));
  }
}
