package dev.followthrough.github;

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

/** {@code tracker.type: github} from the command line, against the GitHub simulator. */
class GitHubCliTest {
  @TempDir Path dir;
  final GitHubFixture fixture = new GitHubFixture();

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
    assertThat(run("import", doc.toString(), "--config", config.toString())[0]).isEqualTo("0");
    assertThat(run("plan", "--config", config.toString())[1]).contains("2 changes");
    assertThat(fixture.github.issues()).isEmpty();

    String[] sync = run("sync", "--config", config.toString());
    assertThat(sync[0]).as(sync[2]).isEqualTo("0");
    assertThat(sync[1]).contains("2 created");
    assertThat(fixture.github.issues()).hasSize(2);
    assertThat(fixture.github.issues().get(1).path("state").asText()).isEqualTo("closed");
    assertThat(sync[1] + sync[2]).doesNotContain(GitHubFixture.TOKEN.reveal());

    fixture.github.close(1, "not_planned");
    String[] schedule = run("schedule", "--every", "10ms", "--max-runs", "2", "--config", config.toString());
    assertThat(schedule[0]).as(schedule[2]).isEqualTo("0");
    assertThat(schedule[1]).contains("1 pulled");
    assertThat(run("list", "--status", "WONT_DO", "--config", config.toString())[1]).contains("Alert on queue age");
  }
}
