package dev.followthrough.gitlab;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.followthrough.core.config.Secret;
import dev.followthrough.core.tracker.WebhookDelivery;
import dev.followthrough.core.tracker.WebhookHeaders;
import dev.followthrough.core.tracker.WebhookReceiver;
import dev.followthrough.core.tracker.WebhookRejectedException;
import dev.followthrough.core.tracker.WebhookRejectedException.Kind;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * GitLab project webhooks. GitLab signs nothing: it sends the hook's secret token as it is in
 * {@code X-Gitlab-Token}, so the check is a constant-time comparison with
 * {@code tracker.webhookSecret}. The delivery id is {@code Idempotency-Key}, which a retry keeps
 * (gitlab-org/gitlab#388692, MR !160952); older instances without it send
 * {@code X-Gitlab-Webhook-UUID}, unique per delivery (MR !125338). {@code X-Gitlab-Event-UUID} is
 * the last resort only: it is the recursion-detection id, shared by every hook fired from one
 * request (MR !75821, {@code Gitlab::WebHooks::RecursionDetection::UUID}), so two events of one
 * bulk edit may carry the same value. Issue and note events name their issue.
 */
final class GitLabWebhooks implements WebhookReceiver {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final List<String> ID_HEADERS = List.of("Idempotency-Key", "X-Gitlab-Webhook-UUID", "X-Gitlab-Event-UUID");
  private static final Set<String> ISSUE_EVENTS = Set.of("Issue Hook", "Confidential Issue Hook");
  private static final Set<String> NOTE_EVENTS = Set.of("Note Hook", "Confidential Note Hook");
  private final String project;

  /** @param project the configured project path or numeric id: its issues are keyed by iid alone */
  GitLabWebhooks(String project) {
    this.project = project;
  }

  @Override
  public String pathSegment() {
    return GitLabTrackerProvider.TYPE;
  }

  @Override
  public WebhookDelivery receive(byte[] body, WebhookHeaders headers, Secret secret) {
    String token = headers.first("X-Gitlab-Token")
        .orElseThrow(() -> new WebhookRejectedException(Kind.UNAUTHORIZED, "no X-Gitlab-Token header"));
    if (!MessageDigest.isEqual(token.getBytes(StandardCharsets.UTF_8), secret.reveal().getBytes(StandardCharsets.UTF_8))) {
      throw new WebhookRejectedException(Kind.UNAUTHORIZED, "X-Gitlab-Token does not match the webhook secret");
    }
    String id = deliveryId(headers).orElseThrow(() -> new WebhookRejectedException(Kind.MALFORMED,
        "no Idempotency-Key, X-Gitlab-Webhook-UUID or X-Gitlab-Event-UUID header"));
    String event = headers.first("X-Gitlab-Event").orElse("unknown");
    JsonNode root;
    try {
      root = JSON.readTree(body);
    } catch (IOException e) {
      throw new WebhookRejectedException(Kind.MALFORMED, "the body is not JSON");
    }
    if (root == null || !root.isObject()) {
      throw new WebhookRejectedException(Kind.MALFORMED, "the body is not a JSON object");
    }
    JsonNode iid;
    if (ISSUE_EVENTS.contains(event)) {
      iid = root.path("object_attributes").path("iid");
    } else if (NOTE_EVENTS.contains(event) && root.has("issue")) {
      iid = root.path("issue").path("iid");
    } else {
      return new WebhookDelivery(id, event, List.of()); // merge requests, pushes, notes on commits…
    }
    if (!iid.canConvertToLong()) {
      throw new WebhookRejectedException(Kind.MALFORMED, "an " + event + " event without the issue's iid");
    }
    return new WebhookDelivery(id, event, List.of(key(root.path("project"), iid.asLong())));
  }

  private static Optional<String> deliveryId(WebhookHeaders headers) {
    return ID_HEADERS.stream().map(headers::first).flatMap(Optional::stream).map(String::strip)
        .filter(s -> !s.isEmpty()).findFirst();
  }

  /** Bare in the configured project (by path or numeric id), {@code group/project#iid} elsewhere, as {@link IssueRefs}. */
  private String key(JsonNode from, long iid) {
    String path = from.path("path_with_namespace").asText("");
    boolean configured = path.isEmpty() || path.equalsIgnoreCase(project) || from.path("id").asText("").equals(project);
    return IssueRefs.key(project, path + "#" + iid, iid, configured);
  }
}
