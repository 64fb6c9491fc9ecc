package dev.followthrough.gitlab;

import static org.assertj.core.api.Assertions.assertThat;

import dev.followthrough.core.config.TrackerBasics;
import dev.followthrough.core.testing.TestClock;
import dev.followthrough.core.tracker.Check;
import dev.followthrough.tck.SecretForms;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code doctor}'s GitLab checks against the simulator, each problem planted on its own; GET requests only. */
class GitLabDoctorTest {
  final GitLabFixture fixture = new GitLabFixture();

  @AfterEach
  void stop() {
    fixture.close();
  }

  private List<String> doctor(String project, Map<String, String> users, TestClock clock) {
    GitLabSettings settings = new GitLabSettings(new TrackerBasics("gitlab", null, users, null, null, Duration.ofSeconds(5), null),
        URI.create(fixture.server.baseUrl()), project, GitLabFixture.TOKEN, "won't do");
    List<Check> checks = new GitLabTrackerProvider().diagnose(settings, clock);
    List<String> lines = checks.stream().map(c -> c.outcome() + " " + c.name() + ": " + c.detail() + (c.fix() == null ? "" : " / " + c.fix())).toList();
    SecretForms.of(GitLabFixture.TOKEN.reveal()).assertNotIn("doctor checks", String.join("\n", lines));
    assertThat(fixture.server.getAllServeEvents()).isNotEmpty()
        .allSatisfy(e -> assertThat(e.getRequest().getMethod().getName()).as(e.getRequest().getUrl()).isEqualTo("GET"));
    return lines;
  }

  private List<String> doctor() {
    return doctor(GitLabFixture.PROJECT, Map.of("erin@example.com", "erin"), fixture.clock);
  }

  @Test
  void aGoodSetupPassesEveryCheck() {
    List<String> lines = doctor();
    assertThat(lines).containsExactly(
        "OK reachable: localhost answered",
        "OK clock: within 60 s of GitLab's",
        "OK credentials: accepted, as followthrough-bot",
        "OK token scope: api",
        "OK project: acme/sre/ops found",
        "OK access level: Developer (30): may create issues, labels and assignees",
        "OK user erin@example.com: erin exists");
    assertThat(fixture.requests("GET", "/projects/acme%2Fsre%2Fops")).hasSize(1);
  }

  @Test
  void aWrongTokenIsACredentialsProblem() {
    GitLabSettings settings = new GitLabSettings(TrackerBasics.of("gitlab"), URI.create(fixture.server.baseUrl()), GitLabFixture.PROJECT,
        dev.followthrough.core.config.Secret.of("glpat-wrong"), "won't do");
    List<Check> checks = new GitLabTrackerProvider().diagnose(settings, fixture.clock);
    assertThat(checks).filteredOn(Check::failed).extracting(Check::name).containsExactly("credentials");
    assertThat(checks.toString()).doesNotContain("glpat-wrong");
  }

  @Test
  void anUnknownProjectIsAProblem() {
    assertThat(doctor("acme/nowhere", Map.of(), fixture.clock))
        .anyMatch(l -> l.startsWith("PROBLEM project: acme/nowhere not found or not visible to the token (404)"));
  }

  @Test
  void aGuestCannotSetLabelsSoItsLevelIsAProblem() {
    fixture.gitlab.account.projectAccess = 10;
    assertThat(doctor()).anyMatch(l -> l.startsWith("PROBLEM access level: the token's account is Guest (10) in acme/sre/ops"));
  }

  @Test
  void aGroupRoleCountsWhenTheProjectRoleIsLower() {
    fixture.gitlab.account.projectAccess = 0;
    fixture.gitlab.account.groupAccess = 20;
    assertThat(doctor()).contains("OK access level: Reporter (20): may create issues, labels and assignees");
  }

  @Test
  void notAMemberIsAProblemUnlessAdministrator() {
    fixture.gitlab.account.projectAccess = 0;
    assertThat(doctor()).anyMatch(l -> l.startsWith("PROBLEM access level: the token's account is not a member"));
    fixture.gitlab.admin(true);
    assertThat(doctor()).contains("OK access level: administrator: may create issues and labels");
  }

  @Test
  void aReadOnlyScopeIsAProblem() {
    fixture.gitlab.account.scopes = List.of("read_api", "read_user");
    assertThat(doctor()).anyMatch(l -> l.startsWith("PROBLEM token scope: the token has read_api, read_user, and creating issues needs api"));
  }

  @Test
  void anOlderGitLabWithoutTokenSelfSkipsTheScope() {
    fixture.gitlab.account.tokenSelfKnown = false;
    assertThat(doctor()).anyMatch(l -> l.startsWith("SKIPPED token scope"));
  }

  @Test
  void turnedOffIssuesAreAProblem() {
    fixture.gitlab.account.issuesEnabled = false;
    assertThat(doctor()).anyMatch(l -> l.startsWith("PROBLEM issues: issues are turned off in acme/sre/ops"));
  }

  @Test
  void anUnknownUsersAccountIsAProblem() {
    assertThat(doctor(GitLabFixture.PROJECT, Map.of("sam@example.com", "nobody-here"), fixture.clock))
        .anyMatch(l -> l.startsWith("PROBLEM user sam@example.com: no GitLab account nobody-here (200)"));
  }

  @Test
  void aClockTwoMinutesOffIsAProblem() {
    TestClock ours = new TestClock(Instant.parse("2025-06-01T10:02:00Z"));
    assertThat(doctor(GitLabFixture.PROJECT, Map.of(), ours)).contains(
        "PROBLEM clock: this machine's clock is 120 s off GitLab's / synchronise the clock (NTP)");
  }

  @Test
  void anUnreachableHostIsOneProblem() {
    String base = fixture.server.baseUrl();
    fixture.server.stop();
    GitLabSettings settings = new GitLabSettings(new TrackerBasics("gitlab", null, null, null, null, Duration.ofSeconds(2), null),
        URI.create(base), GitLabFixture.PROJECT, GitLabFixture.TOKEN, "won't do");
    List<Check> checks = new GitLabTrackerProvider().diagnose(settings, fixture.clock);
    assertThat(checks).singleElement().satisfies(c -> assertThat(c.name()).isEqualTo("reachable"));
  }
}
