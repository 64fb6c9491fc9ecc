package dev.followthrough.github;

import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.followthrough.core.model.Priority;
import dev.followthrough.core.tracker.TicketDraft;
import dev.followthrough.core.tracker.TicketState;
import dev.followthrough.core.tracker.TrackerException;
import dev.followthrough.core.tracker.TrackerException.Kind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GitHubRequestsTest {
  final GitHubFixture fixture = new GitHubFixture();

  @AfterEach
  void stop() {
    fixture.close();
  }

  static TicketDraft draft(String owner, LocalDate due) {
    return new TicketDraft("ft-2025-05-03-webhooks-alert-on-queue-age", "Alert on queue age",
        "Page when the oldest message is older than 5 minutes.", owner, due, Priority.P1, List.of("postmortem"),
        "https://wiki.example.com/pm/2025-05-03", TicketState.OPEN);
  }

  @Test
  void createSendsLabelsAssigneeMilestoneAndTheHiddenMarker() {
    fixture.tracker().build().createAll(List.of(draft("erin", LocalDate.of(2025, 5, 17))));
    fixture.server.verify(postRequestedFor(urlEqualTo("/repos/acme/ops/milestones"))
        .withRequestBody(equalToJson("{\"title\": \"Due 2025-05-17\"}", true, true)));
    // due_on at noon UTC: GitHub floors it to midnight Pacific, which then stays on the same date.
    fixture.server.verify(patchRequestedFor(urlEqualTo("/repos/acme/ops/milestones/1"))
        .withRequestBody(equalToJson("{\"due_on\": \"2025-05-17T12:00:00Z\"}", true, true)));
    fixture.server.verify(postRequestedFor(urlEqualTo("/repos/acme/ops/issues")).withRequestBody(equalToJson("""
        {"title": "Alert on queue age",
         "body": "Page when the oldest message is older than 5 minutes.\\n\\n[Postmortem](https://wiki.example.com/pm/2025-05-03)\\n\\n<!-- followthrough:ft-2025-05-03-webhooks-alert-on-queue-age -->",
         "labels": ["postmortem", "followthrough", "ft-2025-05-03-webhooks-alert-on-queue-age", "P1"],
         "assignees": ["erin"],
         "milestone": 1}""")));
  }

  @Test
  void aSharedDueDateSharesOneMilestoneAndTheDateReadsBackUnchanged() {
    var tracker = fixture.tracker().createInterval(Duration.ZERO).build();
    TicketDraft other = new TicketDraft("ft-other", "Other", null, null, LocalDate.of(2025, 5, 17), null, List.of(), null,
        TicketState.OPEN);
    var outcomes = tracker.createAll(List.of(draft(null, LocalDate.of(2025, 5, 17)), other));
    assertThat(fixture.github.milestones()).hasSize(1);
    assertThat(outcomes).allSatisfy(o -> assertThat(o.ticket().dueDate()).isEqualTo(LocalDate.of(2025, 5, 17)));
  }

  @Test
  void anEmailOwnerWithoutALoginLeavesTheIssueUnassigned() {
    var outcome = fixture.tracker().build().createAll(List.of(draft("erin@example.com", null))).get(0);
    assertThat(outcome.succeeded()).isTrue();
    assertThat(fixture.github.issues().get(0).path("assignees")).isEmpty();
    assertThat(outcome.ticket().assignee()).isNull();
  }

  @Test
  void closingSaysWhyAndNotPlannedReadsBackAsWontDo() {
    var tracker = fixture.tracker().build();
    String key = tracker.createAll(List.of(draft(null, null))).get(0).ticket().key();
    assertThat(tracker.transition(key, TicketState.WONT_DO).state()).isEqualTo(TicketState.WONT_DO);
    fixture.server.verify(patchRequestedFor(urlEqualTo("/repos/acme/ops/issues/" + key))
        .withRequestBody(equalToJson("{\"state\": \"closed\", \"state_reason\": \"not_planned\"}", true, true)));
    assertThat(tracker.transition(key, TicketState.OPEN).state()).isEqualTo(TicketState.OPEN);
  }

  @Test
  void pullRequestsAndIssuesWithoutAKeyAreNeverMistakenForTickets() {
    var tracker = fixture.tracker().build();
    fixture.github.addForeign("A pull request", true);
    fixture.github.addForeign("Somebody's issue", false);
    String key = tracker.createAll(List.of(draft(null, null))).get(0).ticket().key();
    assertThat(tracker.findByKeys(List.of("ft-2025-05-03-webhooks-alert-on-queue-age"))).extracting("key").containsExactly(key);
    assertThat(tracker.fetch(List.of("1", key))).extracting("key").containsExactly(key);
  }

  @Test
  void aCreateWhoseConnectionWasResetIsReportedAsUncertainAndNeitherListedNorSentAgain() {
    fixture.github.loseNextCreate();
    var outcome = fixture.tracker().build().createAll(List.of(draft(null, null))).get(0);
    assertThat(outcome.succeeded()).isFalse();
    assertThat(outcome.failure().mayHaveTakenEffect()).isTrue();
    assertThat(fixture.github.issues()).hasSize(1);
    assertThat(fixture.requests("POST", "/repos/acme/ops/issues")).hasSize(1);
    assertThat(fixture.requests("GET", "/repos/acme/ops/issues")).as("the engine looks, later, not the adapter").isEmpty();
  }

  @Test
  void aSocketErrorAfterACreateReachedGitHubIsNotResentByTheLibraryAndIsReportedAsUncertain() {
    var tracker = fixture.tracker().httpClient(new SocketErrorAfterPost()).build();
    var outcome = tracker.createAll(List.of(draft(null, null))).get(0);
    assertThat(outcome.succeeded()).isFalse();
    assertThat(outcome.failure().mayHaveTakenEffect()).isTrue();
    assertThat(fixture.requests("POST", "/repos/acme/ops/issues")).as("github-api retries socket errors").hasSize(1);
    assertThat(fixture.github.issues()).hasSize(1);
  }

  @Test
  void aGitHubAppInstalledOnAUserOwnedRepositoryIsFoundThroughTheRepository(@TempDir Path dir) throws Exception {
    fixture.github.ownerIsOrganisation(false);
    aGitHubAppInstallationAuthenticatesWithItsPrivateKey(dir);
    assertThat(fixture.requests("GET", "/repos/acme/ops/installation")).isNotEmpty();
    assertThat(fixture.requests("GET", "/orgs/")).isEmpty();
  }

  @Test
  void theTrackerDeclaresHowLongAnUnansweredCreateMayTakeToShowInTheList() {
    var capabilities = GitHubTracker.builder("acme/ops").token(GitHubFixture.TOKEN).build().capabilities();
    assertThat(capabilities.searchLag()).isPositive();
    assertThat(capabilities.createSettleTime()).isEqualTo(Duration.ofSeconds(30));
    assertThat(capabilities.recoveryWindow()).isEqualTo(Duration.ofSeconds(70));
  }

  @Test
  void createsArePacedForTheSecondaryRateLimit() {
    var tracker = fixture.tracker().build();
    tracker.createAll(List.of(draft(null, null), draft(null, null), draft(null, null)));
    assertThat(fixture.clock.sleeps()).containsExactly(Duration.ofMillis(750), Duration.ofMillis(750));
  }

  @Test
  void thePrimaryRateLimitFailsFastWithTheWaitUntilReset() {
    var tracker = fixture.tracker().build();
    tracker.createAll(List.of(draft(null, null)));
    long reset = fixture.clock.instant().plusSeconds(120).getEpochSecond();
    fixture.github.failNext(403, Map.of("X-RateLimit-Remaining", "0", "X-RateLimit-Limit", "5000",
        "X-RateLimit-Reset", String.valueOf(reset)), "{\"message\": \"API rate limit exceeded\"}");
    TrackerException e = catchThrowableOfType(TrackerException.class, () -> tracker.fetch(List.of("1")));
    assertThat(e.kind()).isEqualTo(Kind.RATE_LIMITED);
    assertThat(e.retryAfter()).contains(Duration.ofSeconds(120));
    assertThat(e.getMessage()).contains("primary rate limit");
  }

  @Test
  void aSecondaryLimitAs403WithRetryAfterFailsFastToo() {
    var tracker = fixture.tracker().build();
    tracker.createAll(List.of(draft(null, null)));
    fixture.github.failNext(403, Map.of("Retry-After", "30"),
        "{\"message\": \"You have exceeded a secondary rate limit. Please wait a few minutes before you try again.\"}");
    TrackerException e = catchThrowableOfType(TrackerException.class, () -> tracker.fetch(List.of("1")));
    assertThat(e.kind()).isEqualTo(Kind.RATE_LIMITED);
    assertThat(e.retryAfter()).contains(Duration.ofSeconds(30));
  }

  @Test
  void aBadTokenIsExplainedWithoutShowingIt() {
    var tracker = GitHubTracker.builder("acme/ops").endpoint(java.net.URI.create(fixture.server.baseUrl()))
        .token(dev.followthrough.core.config.Secret.of("ghp_wrongwrongwrong")).build();
    TrackerException e = catchThrowableOfType(TrackerException.class, () -> tracker.findByKeys(List.of("ft-x")));
    assertThat(e.kind()).isEqualTo(Kind.AUTH);
    assertThat(e.getMessage()).contains("GitHub rejected the token (401)").doesNotContain("ghp_wrong");
  }

  @Test
  void aGitHubAppInstallationAuthenticatesWithItsPrivateKey(@TempDir Path dir) throws Exception {
    var generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    var pair = generator.generateKeyPair();
    Path pem = dir.resolve("app.pem");
    Files.writeString(pem, "-----BEGIN PRIVATE KEY-----\n"
        + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(pair.getPrivate().getEncoded())
        + "\n-----END PRIVATE KEY-----\n");
    var tracker = GitHubTracker.builder("acme/ops").endpoint(java.net.URI.create(fixture.server.baseUrl()))
        .appInstallation("1234", pem).build();
    var outcome = tracker.createAll(List.of(draft(null, null))).get(0);
    assertThat(outcome.succeeded()).as(String.valueOf(outcome.failure())).isTrue();
    assertThat(fixture.github.jwtSeen()).isNotNull();
  }
}
