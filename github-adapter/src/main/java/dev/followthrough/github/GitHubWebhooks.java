package dev.followthrough.github;

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
 * GitHub's repository webhooks: {@code X-Hub-Signature-256: sha256=HEX}, the HMAC-SHA256 of the
 * raw body under the webhook's secret; {@code X-GitHub-Delivery} a GUID that a redelivery keeps;
 * {@code X-GitHub-Event} the event (GitHub docs, "Validating webhook deliveries" and "Webhook
 * events and payloads"). An {@code issues} or {@code issue_comment} event names its issue.
 */
final class GitHubWebhooks implements WebhookReceiver {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final String repository;

  /** @param repository the configured {@code owner/name}: its issues are keyed by number alone */
  GitHubWebhooks(String repository) {
    this.repository = repository;
  }

  @Override
  public String pathSegment() {
    return GitHubTrackerProvider.TYPE;
  }

  @Override
  public WebhookDelivery receive(byte[] body, WebhookHeaders headers, Secret secret) {
    String signature = headers.first("X-Hub-Signature-256")
        .orElseThrow(() -> new WebhookRejectedException(Kind.UNAUTHORIZED, "no X-Hub-Signature-256 header"));
    if (!MessageDigest.isEqual(signature.strip().getBytes(StandardCharsets.US_ASCII), expected(body, secret))) {
      throw new WebhookRejectedException(Kind.UNAUTHORIZED, "X-Hub-Signature-256 does not match the webhook secret");
    }
    String id = headers.first("X-GitHub-Delivery").filter(s -> !s.isBlank())
        .orElseThrow(() -> new WebhookRejectedException(Kind.MALFORMED, "no X-GitHub-Delivery header"));
    String event = headers.first("X-GitHub-Event").orElse("unknown");
    JsonNode root;
    try {
      root = JSON.readTree(body);
    } catch (IOException e) {
      throw new WebhookRejectedException(Kind.MALFORMED, "the body is not JSON");
    }
    if (root == null || !root.isObject()) {
      throw new WebhookRejectedException(Kind.MALFORMED, "the body is not a JSON object");
    }
    if (!event.equals("issues") && !event.equals("issue_comment")) {
      return new WebhookDelivery(id, event, List.of());
    }
    JsonNode number = root.path("issue").path("number");
    if (!number.canConvertToLong()) {
      throw new WebhookRejectedException(Kind.MALFORMED, "an " + event + " event without issue.number");
    }
    String from = root.path("repository").path("full_name").asText("");
    String key = from.isEmpty() || from.equalsIgnoreCase(repository) ? number.asText() : from + "#" + number.asText();
    return new WebhookDelivery(id, event, List.of(key));
  }

  /** {@code sha256=} and the lower-case hex HMAC, as GitHub sends it. */
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
