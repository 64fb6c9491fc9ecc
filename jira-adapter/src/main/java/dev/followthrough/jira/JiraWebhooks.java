package dev.followthrough.jira;

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
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Jira admin webhooks registered with a secret, Cloud and Data Center alike: {@code X-Hub-Signature:
 * sha256=HEX}, the HMAC-SHA256 of the raw body (Atlassian "Webhooks", secure admin webhooks, the
 * WebSub signature format); {@code X-Atlassian-Webhook-Identifier} unique per delivery and kept by
 * retries; {@code webhookEvent} such as {@code jira:issue_updated} with {@code issue.key}.
 */
final class JiraWebhooks implements WebhookReceiver {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Override
  public String pathSegment() {
    return JiraTrackerProvider.TYPE;
  }

  @Override
  public WebhookDelivery receive(byte[] body, WebhookHeaders headers, Secret secret) {
    String signature = headers.first("X-Hub-Signature")
        .orElseThrow(() -> new WebhookRejectedException(Kind.UNAUTHORIZED, "no X-Hub-Signature header"));
    if (!MessageDigest.isEqual(signature.strip().getBytes(StandardCharsets.US_ASCII), expected(body, secret))) {
      throw new WebhookRejectedException(Kind.UNAUTHORIZED, "X-Hub-Signature does not match the webhook secret");
    }
    String id = headers.first("X-Atlassian-Webhook-Identifier").filter(s -> !s.isBlank())
        .orElseThrow(() -> new WebhookRejectedException(Kind.MALFORMED, "no X-Atlassian-Webhook-Identifier header"));
    JsonNode root;
    try {
      root = JSON.readTree(body);
    } catch (IOException e) {
      throw new WebhookRejectedException(Kind.MALFORMED, "the body is not JSON");
    }
    if (root == null || !root.isObject() || !root.path("webhookEvent").isTextual()) {
      throw new WebhookRejectedException(Kind.MALFORMED, "the body is not a Jira event (no webhookEvent)");
    }
    String event = root.get("webhookEvent").asText();
    String key = root.path("issue").path("key").asText("");
    return new WebhookDelivery(id, event, key.isEmpty() ? List.of() : List.of(key));
  }

  /** {@code sha256=} and the lower-case hex HMAC, as Jira sends it. */
  static byte[] expected(byte[] body, Secret secret) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.reveal().getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return ("sha256=" + HexFormat.of().formatHex(mac.doFinal(body))).getBytes(StandardCharsets.US_ASCII);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is missing from this JVM", e);
    }
  }
}
