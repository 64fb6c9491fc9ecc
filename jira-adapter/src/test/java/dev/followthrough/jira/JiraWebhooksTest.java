package dev.followthrough.jira;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.followthrough.core.config.Secret;
import dev.followthrough.core.tracker.WebhookHeaders;
import dev.followthrough.core.tracker.WebhookRejectedException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Deliveries shaped as Jira admin webhooks with a secret send them (Atlassian "Webhooks":
 * {@code X-Hub-Signature: sha256=HEX}, {@code X-Atlassian-Webhook-Identifier} kept by retries,
 * a {@code jira:issue_updated} body with {@code issue.key} and a {@code changelog}).
 */
class JiraWebhooksTest {
  static final Secret SECRET = Secret.of("placeholder-jira-webhook-secret");
  final JiraWebhooks receiver = new JiraWebhooks();

  static byte[] issueUpdated(String key) {
    return """
        {"timestamp": 1748772000000, "webhookEvent": "jira:issue_updated", "issue_event_type_name": "issue_generic",
         "issue": {"id": "10002", "key": "%s", "fields": {"status": {"statusCategory": {"key": "done"}}}},
         "changelog": {"items": [{"field": "status", "fromString": "To Do", "toString": "Done"}]}}
        """.formatted(key).getBytes(StandardCharsets.UTF_8);
  }

  static WebhookHeaders headers(String id, String signature) {
    Map<String, String> map = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    map.put("X-Atlassian-Webhook-Flow", "Primary");
    if (id != null) {
      map.put("X-Atlassian-Webhook-Identifier", id);
    }
    if (signature != null) {
      map.put("X-Hub-Signature", signature);
    }
    return name -> Optional.ofNullable(map.get(name));
  }

  static String sign(byte[] body, Secret secret) {
    return new String(JiraWebhooks.expected(body, secret), StandardCharsets.US_ASCII);
  }

  @Test
  void aSignedIssueUpdateNamesItsIssue() {
    byte[] body = issueUpdated("OPS-12");
    var delivery = receiver.receive(body, headers("2b7f1c7e-4d3a-4c5e-9f7a-1e2d3c4b5a69", sign(body, SECRET)), SECRET);
    assertThat(delivery.deliveryId()).isEqualTo("2b7f1c7e-4d3a-4c5e-9f7a-1e2d3c4b5a69");
    assertThat(delivery.event()).isEqualTo("jira:issue_updated");
    assertThat(delivery.ticketKeys()).containsExactly("OPS-12");
  }

  @Test
  void unsignedAndForgedDeliveriesAreUnauthorized() {
    byte[] body = issueUpdated("OPS-12");
    assertThatThrownBy(() -> receiver.receive(body, headers("i1", null), SECRET))
        .isInstanceOfSatisfying(WebhookRejectedException.class, e -> assertThat(e.kind()).isEqualTo(WebhookRejectedException.Kind.UNAUTHORIZED));
    String forged = sign(body, Secret.of("not-the-configured-secret"));
    assertThatThrownBy(() -> receiver.receive(body, headers("i1", forged), SECRET))
        .isInstanceOfSatisfying(WebhookRejectedException.class, e -> assertThat(e.kind()).isEqualTo(WebhookRejectedException.Kind.UNAUTHORIZED))
        .hasMessageNotContaining(forged).hasMessageNotContaining(SECRET.reveal());
  }

  @Test
  void signedButMalformedDeliveriesAreMalformed() {
    byte[] body = issueUpdated("OPS-12");
    assertThatThrownBy(() -> receiver.receive(body, headers(null, sign(body, SECRET)), SECRET))
        .isInstanceOfSatisfying(WebhookRejectedException.class, e -> assertThat(e.kind()).isEqualTo(WebhookRejectedException.Kind.MALFORMED));
    byte[] notJira = "{\"hello\": 1}".getBytes(StandardCharsets.UTF_8);
    assertThatThrownBy(() -> receiver.receive(notJira, headers("i2", sign(notJira, SECRET)), SECRET))
        .isInstanceOfSatisfying(WebhookRejectedException.class, e -> assertThat(e.kind()).isEqualTo(WebhookRejectedException.Kind.MALFORMED));
  }
}
