package dev.followthrough.github;

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
 * Deliveries shaped as GitHub sends them (docs "Validating webhook deliveries": the header
 * {@code X-Hub-Signature-256: sha256=HEX}; "Webhook events and payloads": the {@code issues} event
 * with {@code action}, {@code issue.number} and {@code repository.full_name}).
 */
class GitHubWebhooksTest {
  static final Secret SECRET = Secret.of("placeholder-webhook-secret-0123");
  final GitHubWebhooks receiver = new GitHubWebhooks("acme/ops");

  static byte[] issuesEvent(String action, int number, String repository) {
    return """
        {"action": "%s", "issue": {"number": %d, "state": "closed", "title": "Alert on queue age"},
         "repository": {"full_name": "%s"}, "sender": {"login": "erin-v"}}
        """.formatted(action, number, repository).getBytes(StandardCharsets.UTF_8);
  }

  static WebhookHeaders headers(String event, String delivery, String signature) {
    Map<String, String> map = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    map.put("X-GitHub-Event", event);
    if (delivery != null) {
      map.put("X-GitHub-Delivery", delivery);
    }
    if (signature != null) {
      map.put("X-Hub-Signature-256", signature);
    }
    return name -> Optional.ofNullable(map.get(name));
  }

  static String sign(byte[] body, Secret secret) {
    return new String(GitHubWebhooks.expected(body, secret), StandardCharsets.US_ASCII);
  }

  @Test
  void aSignedIssuesEventNamesItsIssue() {
    byte[] body = issuesEvent("closed", 42, "acme/ops");
    var delivery = receiver.receive(body, headers("issues", "72d3162e-cc78-11e3-81ab-4c9367dc0958", sign(body, SECRET)), SECRET);
    assertThat(delivery.deliveryId()).isEqualTo("72d3162e-cc78-11e3-81ab-4c9367dc0958");
    assertThat(delivery.ticketKeys()).containsExactly("42");
  }

  @Test
  void anIssueOfAnotherRepositoryIsNamedWithItsRepository() {
    byte[] body = issuesEvent("transferred", 7, "acme/archive");
    assertThat(receiver.receive(body, headers("issues", "d1", sign(body, SECRET)), SECRET).ticketKeys())
        .containsExactly("acme/archive#7");
  }

  @Test
  void aPingNamesNoTicket() {
    byte[] body = "{\"zen\": \"Keep it logically awesome.\", \"hook_id\": 1}".getBytes(StandardCharsets.UTF_8);
    assertThat(receiver.receive(body, headers("ping", "d2", sign(body, SECRET)), SECRET).ticketKeys()).isEmpty();
  }

  @Test
  void unsignedForgedAndTamperedDeliveriesAreUnauthorized() {
    byte[] body = issuesEvent("closed", 42, "acme/ops");
    assertThatThrownBy(() -> receiver.receive(body, headers("issues", "d3", null), SECRET))
        .isInstanceOfSatisfying(WebhookRejectedException.class, e -> assertThat(e.kind()).isEqualTo(WebhookRejectedException.Kind.UNAUTHORIZED));
    String forged = sign(body, Secret.of("someone-elses-secret-value"));
    assertThatThrownBy(() -> receiver.receive(body, headers("issues", "d3", forged), SECRET))
        .isInstanceOfSatisfying(WebhookRejectedException.class, e -> assertThat(e.kind()).isEqualTo(WebhookRejectedException.Kind.UNAUTHORIZED))
        .hasMessageNotContaining(forged).hasMessageNotContaining(SECRET.reveal());
    byte[] tampered = issuesEvent("reopened", 42, "acme/ops");
    assertThatThrownBy(() -> receiver.receive(tampered, headers("issues", "d3", sign(body, SECRET)), SECRET))
        .isInstanceOfSatisfying(WebhookRejectedException.class, e -> assertThat(e.kind()).isEqualTo(WebhookRejectedException.Kind.UNAUTHORIZED));
  }

  @Test
  void signedButMalformedDeliveriesAreMalformed() {
    byte[] notJson = "{\"issue\": ".getBytes(StandardCharsets.UTF_8);
    assertThatThrownBy(() -> receiver.receive(notJson, headers("issues", "d4", sign(notJson, SECRET)), SECRET))
        .isInstanceOfSatisfying(WebhookRejectedException.class, e -> assertThat(e.kind()).isEqualTo(WebhookRejectedException.Kind.MALFORMED));
    byte[] body = issuesEvent("closed", 42, "acme/ops");
    assertThatThrownBy(() -> receiver.receive(body, headers("issues", null, sign(body, SECRET)), SECRET))
        .isInstanceOfSatisfying(WebhookRejectedException.class, e -> assertThat(e.kind()).isEqualTo(WebhookRejectedException.Kind.MALFORMED));
  }
}
