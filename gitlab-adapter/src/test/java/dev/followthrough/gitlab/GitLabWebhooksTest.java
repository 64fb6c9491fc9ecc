package dev.followthrough.gitlab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.followthrough.core.config.Secret;
import dev.followthrough.core.tracker.WebhookHeaders;
import dev.followthrough.core.tracker.WebhookRejectedException;
import dev.followthrough.core.tracker.WebhookRejectedException.Kind;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Deliveries shaped as GitLab sends them (GitLab docs "Webhook events": an issue event has
 * {@code object_kind: issue}, {@code project.id}, {@code project.path_with_namespace} and
 * {@code object_attributes.iid}; a comment has {@code object_kind: note},
 * {@code object_attributes.noteable_type: Issue} and {@code issue.iid}. "Webhooks", delivery
 * headers: {@code X-Gitlab-Event}, {@code X-Gitlab-Token}, {@code X-Gitlab-Event-UUID},
 * {@code X-Gitlab-Webhook-UUID}, {@code Idempotency-Key}).
 */
class GitLabWebhooksTest {
  static final Secret SECRET = Secret.of("placeholder-webhook-token-0123");
  final GitLabWebhooks receiver = new GitLabWebhooks("acme/ops");

  static byte[] issueEvent(int iid, long projectId, String project) {
    return """
        {"object_kind": "issue", "event_type": "issue", "user": {"id": 1, "username": "erin-v"},
         "project": {"id": %d, "name": "ops", "path_with_namespace": "%s", "web_url": "https://gitlab.example.com/%s"},
         "object_attributes": {"id": 301, "iid": %d, "title": "Alert on queue age", "state": "closed", "action": "close"},
         "labels": [], "changes": {"state_id": {"previous": 1, "current": 2}}}
        """.formatted(projectId, project, project, iid).getBytes(StandardCharsets.UTF_8);
  }

  static WebhookHeaders headers(String event, String token, Map<String, String> ids) {
    Map<String, String> map = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    map.put("X-Gitlab-Event", event);
    map.putAll(ids);
    if (token != null) {
      map.put("X-Gitlab-Token", token);
    }
    return name -> Optional.ofNullable(map.get(name));
  }

  static WebhookHeaders issueHook(String token) {
    return headers("Issue Hook", token, Map.of("X-Gitlab-Event-UUID", "13792a34-cac6-4fda-95a8-c58e00a3954e"));
  }

  static void assertRejected(Runnable call, Kind kind) {
    assertThatThrownBy(call::run).isInstanceOfSatisfying(WebhookRejectedException.class, e -> {
      assertThat(e.kind()).isEqualTo(kind);
      assertThat(e.getMessage()).doesNotContain(SECRET.reveal());
    });
  }

  @Test
  void theRightTokenIsAcceptedAndTheIssueNamed() {
    var delivery = receiver.receive(issueEvent(42, 15, "acme/ops"), issueHook(SECRET.reveal()), SECRET);
    assertThat(delivery.deliveryId()).isEqualTo("13792a34-cac6-4fda-95a8-c58e00a3954e");
    assertThat(delivery.event()).isEqualTo("Issue Hook");
    assertThat(delivery.ticketKeys()).containsExactly("42");
  }

  @Test
  void aConfiguredNumericProjectIdMatchesTooAndOtherProjectsAreQualified() {
    assertThat(new GitLabWebhooks("15").receive(issueEvent(42, 15, "acme/ops"), issueHook(SECRET.reveal()), SECRET).ticketKeys())
        .containsExactly("42");
    assertThat(receiver.receive(issueEvent(7, 16, "acme/archive"), issueHook(SECRET.reveal()), SECRET).ticketKeys())
        .containsExactly("acme/archive#7");
  }

  @Test
  void aCommentOnAnIssueNamesTheIssue() {
    byte[] body = """
        {"object_kind": "note", "event_type": "note", "project_id": 15,
         "project": {"id": 15, "path_with_namespace": "acme/ops"},
         "object_attributes": {"id": 1244, "note": "Done in the runbook.", "noteable_type": "Issue"},
         "issue": {"id": 301, "iid": 42, "title": "Alert on queue age", "state": "opened"}}
        """.getBytes(StandardCharsets.UTF_8);
    var delivery = receiver.receive(body, headers("Note Hook", SECRET.reveal(), Map.of("X-Gitlab-Event-UUID", "n1")), SECRET);
    assertThat(delivery.ticketKeys()).containsExactly("42");
  }

  @Test
  void anotherEventNamesNoTicket() {
    byte[] body = "{\"object_kind\": \"push\", \"ref\": \"refs/heads/main\"}".getBytes(StandardCharsets.UTF_8);
    var delivery = receiver.receive(body, headers("Push Hook", SECRET.reveal(), Map.of("X-Gitlab-Event-UUID", "p1")), SECRET);
    assertThat(delivery.ticketKeys()).isEmpty();
  }

  @Test
  void aMissingWrongOrSameLengthWrongTokenIsUnauthorized() {
    byte[] body = issueEvent(42, 15, "acme/ops");
    assertRejected(() -> receiver.receive(body, issueHook(null), SECRET), Kind.UNAUTHORIZED);
    assertRejected(() -> receiver.receive(body, issueHook("someone-elses-token"), SECRET), Kind.UNAUTHORIZED);
    String sameLength = SECRET.reveal().substring(0, SECRET.reveal().length() - 1) + "4";
    assertRejected(() -> receiver.receive(body, issueHook(sameLength), SECRET), Kind.UNAUTHORIZED);
    assertRejected(() -> receiver.receive(body, issueHook(""), SECRET), Kind.UNAUTHORIZED);
  }

  @Test
  void theTokenIsCheckedBeforeTheBodyIsRead() {
    byte[] notJson = "{\"object_attributes\": ".getBytes(StandardCharsets.UTF_8);
    assertRejected(() -> receiver.receive(notJson, issueHook("someone-elses-token"), SECRET), Kind.UNAUTHORIZED);
  }

  @Test
  void malformedJsonOrNoDeliveryIdIsMalformed() {
    byte[] notJson = "{\"object_attributes\": ".getBytes(StandardCharsets.UTF_8);
    assertRejected(() -> receiver.receive(notJson, issueHook(SECRET.reveal()), SECRET), Kind.MALFORMED);
    assertRejected(() -> receiver.receive(issueEvent(42, 15, "acme/ops"), headers("Issue Hook", SECRET.reveal(), Map.of()), SECRET),
        Kind.MALFORMED);
    byte[] noIid = "{\"object_kind\": \"issue\", \"object_attributes\": {\"id\": 301}}".getBytes(StandardCharsets.UTF_8);
    assertRejected(() -> receiver.receive(noIid, issueHook(SECRET.reveal()), SECRET), Kind.MALFORMED);
  }

  @Test
  void aRetryKeepsItsIdempotencyKeyAsTheDeliveryId() {
    byte[] body = issueEvent(42, 15, "acme/ops");
    // A retry carries the same Idempotency-Key while its per-request UUIDs are new.
    var first = receiver.receive(body, headers("Issue Hook", SECRET.reveal(), Map.of("Idempotency-Key", "908a6d9e-45fd-46c8-97e6-c4f350f219dd",
        "X-Gitlab-Webhook-UUID", "a1", "X-Gitlab-Event-UUID", "e1")), SECRET);
    var retry = receiver.receive(body, headers("Issue Hook", SECRET.reveal(), Map.of("Idempotency-Key", "908a6d9e-45fd-46c8-97e6-c4f350f219dd",
        "X-Gitlab-Webhook-UUID", "a2", "X-Gitlab-Event-UUID", "e2")), SECRET);
    assertThat(retry.deliveryId()).isEqualTo(first.deliveryId()).isEqualTo("908a6d9e-45fd-46c8-97e6-c4f350f219dd");
  }

  @Test
  void withoutAnIdempotencyKeyTheWebhookUuidWinsOverTheSharedEventUuid() {
    byte[] body = issueEvent(42, 15, "acme/ops");
    var delivery = receiver.receive(body, headers("Issue Hook", SECRET.reveal(),
        Map.of("X-Gitlab-Webhook-UUID", "a1", "X-Gitlab-Event-UUID", "e1")), SECRET);
    assertThat(delivery.deliveryId()).isEqualTo("a1");
  }

  @Test
  void theProviderServesIt() {
    var settings = new GitLabSettings(null, GitLabTrackerBuilder.GITLAB_COM, "acme/archive", Secret.of("glpat-placeholder"), "won't do");
    var provided = new GitLabTrackerProvider().webhooks(settings).orElseThrow();
    assertThat(provided.pathSegment()).isEqualTo("gitlab");
    // Built for the configured project: its own issues are bare.
    assertThat(provided.receive(issueEvent(7, 16, "acme/archive"), issueHook(SECRET.reveal()), SECRET).ticketKeys()).containsExactly("7");
  }
}
