package dev.followthrough.github;

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

/** {@code doctor} against the GitHub simulator: push access and assignable users, read-only. */
class GitHubDoctorCliTest {
  @TempDir Path dir;
  final GitHubFixture fixture = new GitHubFixture(TestClock.following(Clock.systemUTC()));

  @AfterEach
  void stop() {
    fixture.close();
  }

  private CliRunner.Result doctor() throws IOException {
    Path config = Files.writeString(dir.resolve("followthrough.yaml"), """
        tracker:
          type: github
          url: %s
          repository: acme/ops
          token: %s
          users: {erin@example.com: erin, sam@example.com: nobody-here}
        """.formatted(fixture.server.baseUrl(), GitHubFixture.TOKEN.reveal()));
    CliRunner.Result r = CliRunner.run("doctor", "--config", config.toString(), "--store", dir.resolve("store").toString());
    SecretForms.of(GitHubFixture.TOKEN.reveal()).assertNotIn("doctor output", r.out() + r.err());
    assertThat(fixture.server.getAllServeEvents()).isNotEmpty()
        .allSatisfy(e -> assertThat(e.getRequest().getMethod().getName()).isEqualTo("GET"));
    return r;
  }

  @Test
  void pushAccessClockAndAssigneesAreChecked() throws IOException {
    CliRunner.Result r = doctor();
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.out()).contains("ok       tracker credentials: accepted", "ok       tracker push access",
        "ok       tracker clock", "ok       tracker user erin@example.com: erin can be assigned",
        "problem  tracker user sam@example.com: nobody-here cannot be assigned in acme/ops (404)");
  }

  @Test
  void aTokenWithoutPushAccessIsAProblemBecauseGitHubDropsLabelsSilently() throws IOException {
    fixture.github.pushAccess(false);
    assertThat(doctor().out()).contains("problem  tracker push access: the token cannot push to acme/ops");
  }
}
