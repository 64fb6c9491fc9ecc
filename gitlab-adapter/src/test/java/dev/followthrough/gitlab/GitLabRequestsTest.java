package dev.followthrough.gitlab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.followthrough.core.model.Priority;
import dev.followthrough.core.tracker.TicketDraft;
import dev.followthrough.core.tracker.TicketField;
import dev.followthrough.core.tracker.TicketSnapshot;
import dev.followthrough.core.tracker.TicketState;
import dev.followthrough.core.tracker.TrackerException;
import dev.followthrough.core.tracker.TrackerException.Kind;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What the adapter sends and how it reads GitLab's answers, against the simulator. */
class GitLabRequestsTest {
  final GitLabFixture fixture = new GitLabFixture();
  final GitLabTracker tracker = fixture.tracker().build();

  @AfterEach
  void stop() {
    fixture.close();
  }

  static TicketDraft draft(String key, String title, Priority priority) {
    return new TicketDraft(key, title, "Details", "erin", LocalDate.of(2025, 6, 20), priority, List.of("postmortem"),
        "https://wiki.example.com/pm", TicketState.OPEN);
  }

  private TicketSnapshot create(TicketDraft d) {
    var outcome = tracker.createAll(List.of(d)).get(0);
    assertThat(outcome.failure()).isNull();
    return outcome.ticket();
  }

  @Test
  void aMovedIssueIsFollowedToItsNewProjectUnderAQualifiedKey() {
    TicketSnapshot made = create(draft("ft-moved", "Rotate the certificates", Priority.P2));
    ObjectNode moved = fixture.gitlab.move(Long.parseLong(made.key()));
    // Not an administrator: GET /issues/:id answers 403, so the marker search finds it.
    List<TicketSnapshot> read = tracker.fetch(List.of(made.key()));
    assertThat(read).singleElement().satisfies(t -> {
      assertThat(t.key()).isEqualTo("acme/archive#" + moved.path("iid").asLong());
      assertThat(t.idempotencyKey()).isEqualTo("ft-moved");
      assertThat(t.state()).isEqualTo(TicketState.OPEN);
    });
    assertThat(tracker.findByKeys(List.of("ft-moved"))).as("the closed issue left behind is not the item's ticket").isEmpty();
    TicketSnapshot closed = tracker.transition(read.get(0).key(), TicketState.DONE);
    assertThat(closed.state()).isEqualTo(TicketState.DONE);
  }

  @Test
  void anAdministratorTokenFollowsAMoveByTheGlobalId() {
    fixture.gitlab.admin(true);
    TicketSnapshot made = create(draft("ft-moved-admin", "Rotate the keys", Priority.P2));
    fixture.gitlab.move(Long.parseLong(made.key()));
    assertThat(tracker.fetch(List.of(made.key()))).singleElement().satisfies(t -> assertThat(t.key()).startsWith("acme/archive#"));
    assertThat(fixture.requests("GET", "/api/v4/issues/")).hasSize(1);
    assertThat(fixture.requests("GET", "search=")).isEmpty();
  }

  @Test
  void aRateLimitWithoutRetryAfterWaitsUntilRateLimitReset() {
    long reset = fixture.clock.instant().getEpochSecond() + 42;
    fixture.gitlab.failNext(429, Map.of("RateLimit-Reset", String.valueOf(reset), "Content-Type", "text/plain"), "Retry later\n");
    assertThatThrownBy(() -> tracker.findByKeys(List.of("ft-x"))).isInstanceOfSatisfying(TrackerException.class, e -> {
      assertThat(e.kind()).isEqualTo(Kind.RATE_LIMITED);
      assertThat(e.retryAfter()).contains(Duration.ofSeconds(42));
    });
  }

  @Test
  void listsPageOnBeyondTheCountLimitByXNextPage() {
    int limit = IssueRoutes.countLimit;
    IssueRoutes.countLimit = 150;
    try {
      List<String> keys = new ArrayList<>();
      for (int i = 0; i < 230; i++) {
        keys.add("ft-page-" + i);
        fixture.gitlab.issues.create(fixture.gitlab.project, "Item " + i, IssueDescriptions.marker("ft-page-" + i),
            List.of("followthrough", "ft-page-" + i));
      }
      assertThat(tracker.findByKeys(keys)).hasSize(230);
      // 100 per page (GitLab's maximum), without x-total or x-total-pages past the limit.
      assertThat(fixture.requests("GET", "/issues?")).hasSize(3).allSatisfy(e -> assertThat(e.getRequest().getUrl()).contains("per_page=100"));
    } finally {
      IssueRoutes.countLimit = limit;
    }
  }

  @Test
  void aTitleOverTwoHundredFiftyFiveCharactersIsRefusedForCertainWithGitLabsWords() {
    var outcome = tracker.createAll(List.of(draft("ft-long", "x".repeat(256), Priority.P3))).get(0);
    assertThat(outcome.failure().kind()).isEqualTo(Kind.INVALID);
    assertThat(outcome.failure().mayHaveTakenEffect()).isFalse();
    assertThat(outcome.failure().getMessage()).contains("title", "maximum is 255 characters");
    assertThat(fixture.gitlab.projectIssues()).isEmpty();
  }

  @Test
  void aNewPriorityReplacesTheScopedLabelAndKeepsLabelsPeopleAdded() {
    TicketSnapshot made = create(draft("ft-prio", "Alert on lag", Priority.P1));
    ObjectNode issue = fixture.gitlab.issue(Long.parseLong(made.key()));
    List<String> labels = new ArrayList<>(SimulatedIssues.labelNames(issue));
    labels.add("team::storage");
    fixture.gitlab.issues.labels(issue, labels);
    TicketSnapshot updated = tracker.update(made.key(), draft("ft-prio", "Alert on lag", Priority.P3), Set.of(TicketField.PRIORITY));
    assertThat(updated.priority()).isEqualTo(Priority.P3);
    assertThat(updated.labels()).contains("priority::P3", "team::storage", "ft-prio", "followthrough").doesNotContain("priority::P1");
    assertThat(updated.dueDate()).isEqualTo(LocalDate.of(2025, 6, 20));
    assertThat(updated.assignee()).isEqualTo("erin");
  }

  @Test
  void createsSendOneRequestAndAReadOfADeletedIssueLeavesItOut() {
    TicketSnapshot a = create(draft("ft-a", "One", Priority.P2));
    TicketSnapshot b = create(draft("ft-b", "Two", Priority.P2));
    assertThat(fixture.requests("POST", "/issues")).hasSize(2);
    fixture.gitlab.delete(Long.parseLong(a.key()));
    assertThat(tracker.fetch(List.of(a.key(), b.key()))).extracting(TicketSnapshot::key).containsExactly(b.key());
  }

  @Test
  void theChangeFeedMissesNoIssueThatChangesWhileItsPagesAreRead() {
    for (int i = 0; i < 150; i++) {
      fixture.gitlab.issues.create(fixture.gitlab.project, "Item " + i, IssueDescriptions.marker("ft-feed-" + i),
          List.of("followthrough", "ft-feed-" + i));
      fixture.clock.advance(Duration.ofSeconds(1));
    }
    java.time.Instant since = fixture.clock.instant().minus(Duration.ofHours(1));
    // After the first page, a person edits the oldest issue: with page=2 the 101st would slide onto page 1.
    fixture.gitlab.faults.afterEachRequest(n -> {
      if (n == 1) {
        fixture.clock.advance(Duration.ofSeconds(5));
        fixture.gitlab.issues.touch(fixture.gitlab.issue(1));
      }
    });
    List<TicketSnapshot> changed = tracker.changeFeed().orElseThrow().changedSince(since);
    fixture.gitlab.faults.afterEachRequest(null);
    assertThat(changed).extracting(TicketSnapshot::idempotencyKey).doesNotHaveDuplicates().hasSize(150);
    assertThat(changed.get(changed.size() - 1).key()).as("the edited issue, at its later place").isEqualTo("1");
    assertThat(fixture.requests("GET", "updated_after=")).allSatisfy(e -> assertThat(e.getRequest().getUrl())
        .contains("order_by=updated_at", "sort=asc", "labels=followthrough"));
  }
}
