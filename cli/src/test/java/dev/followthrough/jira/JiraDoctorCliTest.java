package dev.followthrough.jira;

import static org.assertj.core.api.Assertions.assertThat;

import dev.followthrough.cli.CliRunner;
import dev.followthrough.core.testing.TestClock;
import dev.followthrough.tck.SecretForms;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code doctor} against the Jira simulator, with each problem planted in turn. */
class JiraDoctorCliTest {
  @TempDir Path dir;
  final TestClock clock = TestClock.following(Clock.systemUTC());
  final JiraFixture fixture = new JiraFixture(true, JiraFixture.LAG, JiraWorkflow.RESOLUTION_ON_SCREEN, clock);

  @AfterEach
  void stop() {
    fixture.close();
  }

  private CliRunner.Result doctor(String extra) throws IOException {
    Path config = Files.writeString(dir.resolve("followthrough.yaml"), """
        store: %s
        tracker:
          type: jira
          url: %s
          project: OPS
          email: bot@example.com
          token: %s
          users:
            erin: 5b10ac8d82e05b22cc7d4ef5
        %s
        """.formatted(dir.resolve("store"), fixture.siteUrl(), JiraFixture.CLOUD_TOKEN.reveal(), extra));
    CliRunner.Result r = CliRunner.run("doctor", "--config", config.toString());
    SecretForms.of(JiraFixture.CLOUD_TOKEN.reveal()).basic(JiraFixture.EMAIL, JiraFixture.CLOUD_TOKEN.reveal())
        .assertNotIn("doctor output", r.out() + r.err());
    // Read-only: the simulator saw GET requests and nothing else.
    assertThat(fixture.server.getAllServeEvents()).isNotEmpty()
        .allSatisfy(e -> assertThat(e.getRequest().getMethod().getName()).isEqualTo("GET"));
    return r;
  }

  @Test
  void aGoodSetupPassesEveryCheck() throws IOException {
    CliRunner.Result r = doctor("");
    assertThat(r.exit()).as(r.out() + r.err()).isZero();
    assertThat(r.out()).contains("ok       tracker credentials", "tracker project", "tracker permissions", "tracker clock",
        "tracker user erin", "tracker workflow", "All checks passed.").doesNotContain("problem");
    assertThat(dir.resolve("store")).as("the doctor creates no store").doesNotExist();
  }

  @Test
  void aMissingPermissionIsNamedWithItsFix() throws IOException {
    fixture.jira.site.permissions.remove("ASSIGN_ISSUES");
    CliRunner.Result r = doctor("");
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.out()).contains("problem  tracker permissions: the account lacks ASSIGN_ISSUES in OPS", "fix: ask a Jira admin");
  }

  @Test
  void aMissingIssueTypeAndPriorityAreNamed() throws IOException {
    fixture.jira.site.issueTypes.remove("Task");
    fixture.jira.site.priorities.remove("Highest");
    CliRunner.Result r = doctor("");
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.out()).contains("problem  tracker issue type: Task is not an issue type of OPS",
        "problem  tracker priorities: Highest not in the priority scheme");
  }

  @Test
  void aWorkflowWithoutADoneStatusOrAWayBackIsNamed() throws IOException {
    assertThat(doctor("").out()).contains("ok       tracker workflow: Task can be done (Done) and open (In Progress, To Do);"
        + " the transitions between them are not proven without changing an issue");
    fixture.jira.site.statuses.put("Done", "indeterminate");
    assertThat(doctor("").out()).contains("problem  tracker workflow: Task in OPS has no status in the Done category, so sync cannot close tickets");
    fixture.jira.site.statuses.clear();
    fixture.jira.site.statuses.put("Closed", "done");
    assertThat(doctor("").out()).contains("problem  tracker workflow: Task in OPS has no status outside the Done category");
  }

  @Test
  void anUnknownAccountInTheUsersMapIsNamed() throws IOException {
    CliRunner.Result r = doctorUsers("0000nobody");
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.out()).contains("problem  tracker user sam: 0000nobody not found (404)");
  }

  private CliRunner.Result doctorUsers(String account) throws IOException {
    Path config = Files.writeString(dir.resolve("users.yaml"), """
        store: %s
        tracker: {type: jira, url: '%s', project: OPS, email: bot@example.com, token: %s, users: {sam: %s}}
        """.formatted(dir.resolve("store"), fixture.siteUrl(), JiraFixture.CLOUD_TOKEN.reveal(), account));
    return CliRunner.run("doctor", "--config", config.toString());
  }

  @Test
  void aWrongProjectBadCredentialsAndASkewedClockAreEachAProblem() throws IOException {
    clock.advance(Duration.ofMinutes(10));
    assertThat(doctor("").out()).containsPattern("problem  tracker clock: this machine's clock is (59\\d|60\\d) s off Jira's");
    Path config = Files.writeString(dir.resolve("bad.yaml"), """
        tracker: {type: jira, url: '%s', project: NOPE, email: bot@example.com, token: wrong-token-value}
        """.formatted(fixture.siteUrl()));
    CliRunner.Result bad = CliRunner.run("doctor", "--config", config.toString());
    assertThat(bad.exit()).isEqualTo(1);
    assertThat(bad.out()).contains("problem  tracker credentials: Jira answered 401").doesNotContain("wrong-token-value");
  }

  @Test
  void anUnsetVariableIsNamedWithoutTheRestOfTheFileFailing() throws IOException {
    Path config = Files.writeString(dir.resolve("vars.yaml"), """
        tracker: {type: jira, url: '%s', project: OPS, email: bot@example.com, token: '${FT_DOCTOR_UNSET_TOKEN}'}
        """.formatted(fixture.siteUrl()));
    CliRunner.Result r = CliRunner.run("doctor", "--config", config.toString());
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.out()).contains("problem  ${FT_DOCTOR_UNSET_TOKEN}: not set", "fix: export FT_DOCTOR_UNSET_TOKEN=");
  }
}
