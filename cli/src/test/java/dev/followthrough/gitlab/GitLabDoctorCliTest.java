package dev.followthrough.gitlab;

import static org.assertj.core.api.Assertions.assertThat;

import dev.followthrough.cli.CliRunner;
import dev.followthrough.core.testing.TestClock;
import dev.followthrough.tck.SecretForms;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code doctor} for GitLab from the command line: every check, GET requests only, no secret printed. */
class GitLabDoctorCliTest {
  @TempDir Path dir;
  final GitLabFixture fixture = new GitLabFixture(TestClock.following(Clock.systemUTC()));

  @AfterEach
  void stop() {
    fixture.close();
  }

  private CliRunner.Result doctor() throws IOException {
    Path config = Files.writeString(dir.resolve("followthrough.yaml"), """
        tracker:
          type: gitlab
          url: %s
          project: acme/sre/ops
          token: %s
          timeout: 5s
          users: {erin@example.com: erin, sam@example.com: nobody-here}
        """.formatted(fixture.server.baseUrl(), GitLabFixture.TOKEN.reveal()));
    CliRunner.Result r = CliRunner.run("doctor", "--config", config.toString(), "--store", dir.resolve("store").toString());
    SecretForms.of(GitLabFixture.TOKEN.reveal()).assertNotIn("doctor output", r.out() + r.err());
    assertThat(fixture.server.getAllServeEvents()).isNotEmpty()
        .allSatisfy(e -> assertThat(e.getRequest().getMethod().getName()).isEqualTo("GET"));
    return r;
  }

  @Test
  void everyGitLabCheckIsReportedAndAnUnknownAccountFailsTheRun() throws IOException {
    CliRunner.Result r = doctor();
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.out()).contains("ok       tracker reachable", "ok       tracker clock: within 60 s of GitLab's",
        "ok       tracker credentials: accepted, as followthrough-bot", "ok       tracker token scope: api",
        "ok       tracker project: acme/sre/ops found", "ok       tracker access level: Developer (30)",
        "ok       tracker user erin@example.com: erin exists",
        "problem  tracker user sam@example.com: no GitLab account nobody-here (200)",
        "fix: correct tracker.users.sam@example.com", "1 problem(s) found.").doesNotContain("skipped  tracker");
  }

  @Test
  void aGuestTokenIsAProblem() throws IOException {
    fixture.gitlab.account.projectAccess = 10;
    assertThat(doctor().out()).contains("problem  tracker access level: the token's account is Guest (10) in acme/sre/ops");
  }
}
