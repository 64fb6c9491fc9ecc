package dev.followthrough.jira;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.followthrough.core.tracker.TicketDraft;
import dev.followthrough.core.tracker.TicketState;
import dev.followthrough.core.tracker.TrackerException;
import dev.followthrough.core.tracker.TrackerException.Kind;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class JiraErrorsTest {
  final JiraFixture fixture = new JiraFixture(true);
  final JiraTracker tracker = fixture.tracker().build();

  @AfterEach
  void stop() {
    fixture.close();
  }

  TrackerException failingFetch() {
    return catchThrowableOfType(TrackerException.class, () -> tracker.fetch(List.of("OPS-1")));
  }

  @Test
  void errorBodiesBecomeMessagesNamingTheField() {
    fixture.jira.failNext(400, null, "{\"errorMessages\":[\"Field error\"],\"errors\":{\"duedate\":\"Due date is invalid\"}}");
    TrackerException e = catchThrowableOfType(TrackerException.class, () -> tracker.findByKeys(List.of("ft-x")));
    assertThat(e.kind()).isEqualTo(Kind.INVALID);
    assertThat(e.getMessage()).isEqualTo("jira: Jira refused the request (400): Field error; duedate: Due date is invalid");
  }

  @Test
  void unauthorizedExplainsTokensIncludingScopedOnes() {
    fixture.jira.failNext(401, null, "{}");
    TrackerException e = failingFetch();
    assertThat(e.getMessage()).contains("check tracker.email and the API token").contains("api.atlassian.com/ex/jira");
    dev.followthrough.tck.SecretForms.of().basic(JiraFixture.EMAIL, JiraFixture.CLOUD_TOKEN.reveal()).assertNotIn("the message", e.getMessage());
  }

  @Test
  void forbiddenNamesThePermissions() {
    fixture.jira.failNext(403, null, "{\"errorMessages\":[\"You do not have permission to create issues in this project.\"]}");
    assertThat(failingFetch().getMessage()).contains("lacks a permission").contains("Create issues")
        .contains("You do not have permission");
  }

  @Test
  void rateLimitsTellHowLongToWait() {
    fixture.jira.failNext(429, "12", "{}");
    TrackerException e = failingFetch();
    assertThat(e.kind()).isEqualTo(Kind.RATE_LIMITED);
    assertThat(e.retryAfter()).contains(Duration.ofSeconds(12));
  }

  @Test
  void rateLimitResetGivenAsATimestampIsHonouredToo() {
    String reset = fixture.clock.instant().plusSeconds(45).toString();
    fixture.jira.failNextWithHeaders(429, java.util.Map.of("X-RateLimit-Reset", reset), "{\"errorMessages\":[\"Rate limit exceeded\"]}");
    TrackerException e = catchThrowableOfType(TrackerException.class, () -> tracker.findByKeys(List.of("ft-x")));
    assertThat(e.kind()).isEqualTo(Kind.RATE_LIMITED);
    assertThat(e.retryAfter()).contains(Duration.ofSeconds(45));
  }

  @Test
  void unavailableWithRetryAfterIsARateLimit() {
    fixture.jira.failNext(503, "3", "{}");
    TrackerException e = failingFetch();
    assertThat(e.kind()).isEqualTo(Kind.RATE_LIMITED);
    assertThat(e.retryAfter()).contains(Duration.ofSeconds(3));
  }

  @Test
  void aConnectionResetIsTransientAndMayHaveTakenEffect() {
    fixture.jira.resetNext();
    TrackerException e = failingFetch();
    assertThat(e.kind()).isEqualTo(Kind.TRANSIENT);
    assertThat(e.mayHaveTakenEffect()).isTrue();
  }

  @Test
  void onlyTheFailedElementsOfABulkCreateFail() {
    TicketDraft good = new TicketDraft("ft-x-good", "Good", null, null, null, null, List.of("postmortem"), null, TicketState.OPEN);
    TicketDraft bad = new TicketDraft("ft-x-bad", "Bad", null, null, null, null, List.of("post mortem"), null, TicketState.OPEN);
    var outcomes = tracker.createAll(List.of(good, bad, good));
    assertThat(outcomes.get(0).succeeded()).isTrue();
    assertThat(outcomes.get(2).succeeded()).isTrue();
    assertThat(outcomes.get(1).failure().kind()).isEqualTo(Kind.INVALID);
    assertThat(outcomes.get(1).failure().getMessage()).contains("\"Bad\"").contains("labels: The label 'post mortem' contains spaces");
    assertThat(fixture.jira.issues()).hasSize(2);
  }

  @Test
  void aDeletedIssueIsLeftOutOfAFetchInsteadOfFailingIt() {
    var created = tracker.createAll(List.of(new TicketDraft("ft-x-one", "One", null, null, null, null, List.of(), null,
        TicketState.OPEN))).get(0).ticket();
    assertThat(tracker.fetch(List.of(created.key(), "OPS-404"))).extracting("key").containsExactly(created.key());
  }
}
