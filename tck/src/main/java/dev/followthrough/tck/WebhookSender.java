package dev.followthrough.tck;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Sends webhook deliveries over real HTTP the way a tracker does, for testing a server's intake:
 * signed ones, redeliveries (the same id again), out-of-order ones (the caller picks the order) and
 * forged or unsigned ones. Every request has a timeout.
 *
 * <ul>
 *   <li>GitHub (docs "Webhook events and payloads", "Validating webhook deliveries"): {@code POST}
 *       with {@code Content-Type: application/json}, {@code X-GitHub-Event}, {@code X-GitHub-Delivery}
 *       (a GUID, kept by a redelivery), {@code X-Hub-Signature-256: sha256=} + hex HMAC-SHA256 of the
 *       body under the secret, {@code User-Agent: GitHub-Hookshot/…}.
 *   <li>Jira Cloud and Data Center admin webhooks with a secret (Atlassian "Webhooks"): {@code
 *       X-Hub-Signature: sha256=} + hex HMAC-SHA256 of the body, {@code X-Atlassian-Webhook-Identifier}
 *       (kept by retries, which add {@code X-Atlassian-Webhook-Retry: N}); the body's {@code webhookEvent}
 *       names the event.
 * </ul>
 */
public final class WebhookSender {
  /** The answer to one delivery. */
  public record Response(int status, String body) {}

  /** One delivery as sent: send it again with {@link #redeliver}. */
  public record Delivery(String id, String event, byte[] body) {}

  private enum Style { GITHUB, JIRA }

  private final Style style;
  private final URI url;
  private final String secret;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final List<String> extraHeaders = new ArrayList<>();

  private WebhookSender(Style style, URI url, String secret) {
    this.style = style;
    this.url = url;
    this.secret = secret;
  }

  /** Sends as a GitHub repository webhook to {@code url} (such as {@code http://127.0.0.1:8080/webhooks/github}). */
  public static WebhookSender github(URI url, String secret) {
    return new WebhookSender(Style.GITHUB, url, secret);
  }

  /** Sends as a Jira admin webhook with a secret. */
  public static WebhookSender jira(URI url, String secret) {
    return new WebhookSender(Style.JIRA, url, secret);
  }

  /** Adds a header to every request, such as an {@code Authorization} a proxy would not forward. */
  public WebhookSender header(String name, String value) {
    extraHeaders.add(name);
    extraHeaders.add(value);
    return this;
  }

  /** A GitHub {@code issues} event: {@code action} (closed, reopened, edited…) on issue {@code number} of {@code repository}. */
  public static Delivery githubIssue(String action, int number, String repository) {
    String body = "{\"action\":\"" + action + "\",\"issue\":{\"number\":" + number + ",\"state\":\""
        + (action.equals("closed") ? "closed" : "open") + "\"},\"repository\":{\"full_name\":\"" + repository
        + "\"},\"sender\":{\"login\":\"octocat\"}}";
    return new Delivery(UUID.randomUUID().toString(), "issues", body.getBytes(StandardCharsets.UTF_8));
  }

  /** A Jira {@code jira:issue_updated} event about {@code key}. */
  public static Delivery jiraIssueUpdated(String key, long timestampMillis) {
    String body = "{\"timestamp\":" + timestampMillis + ",\"webhookEvent\":\"jira:issue_updated\","
        + "\"issue_event_type_name\":\"issue_generic\",\"issue\":{\"id\":\"10001\",\"key\":\"" + key
        + "\",\"fields\":{\"status\":{\"name\":\"Done\"}}}}";
    return new Delivery(UUID.randomUUID().toString(), "jira:issue_updated", body.getBytes(StandardCharsets.UTF_8));
  }

  /** Sends a delivery signed with the secret. */
  public Response send(Delivery d) {
    return post(d, signature(d.body(), secret), 0);
  }

  /** Sends a delivery again, as the tracker's "Redeliver" (GitHub) or retry (Jira) does: same id, same signature. */
  public Response redeliver(Delivery d, int attempt) {
    return post(d, signature(d.body(), secret), attempt);
  }

  /** Sends a delivery signed with another secret, as a forger who guessed wrong would. */
  public Response sendForged(Delivery d, String otherSecret) {
    return post(d, signature(d.body(), otherSecret), 0);
  }

  /** Sends a delivery with the signature of one body and another body, as a tampered delivery arrives. */
  public Response sendTampered(Delivery signedFor, byte[] otherBody) {
    return post(new Delivery(signedFor.id(), signedFor.event(), otherBody), signature(signedFor.body(), secret), 0);
  }

  /** Sends a delivery with no signature header at all. */
  public Response sendUnsigned(Delivery d) {
    return post(d, null, 0);
  }

  private Response post(Delivery d, String signature, int retry) {
    HttpRequest.Builder request = HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(10))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofByteArray(d.body()));
    if (style == Style.GITHUB) {
      request.header("User-Agent", "GitHub-Hookshot/044aadd").header("X-GitHub-Event", d.event())
          .header("X-GitHub-Delivery", d.id()).header("X-GitHub-Hook-ID", "292430182");
      if (signature != null) {
        request.header("X-Hub-Signature-256", signature);
      }
    } else {
      request.header("User-Agent", "Atlassian Webhook HTTP Client").header("X-Atlassian-Webhook-Identifier", d.id());
      if (retry > 0) {
        request.header("X-Atlassian-Webhook-Retry", Integer.toString(retry));
      }
      if (signature != null) {
        request.header("X-Hub-Signature", signature);
      }
    }
    for (int i = 0; i < extraHeaders.size(); i += 2) {
      request.header(extraHeaders.get(i), extraHeaders.get(i + 1));
    }
    try {
      HttpResponse<String> answer = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      return new Response(answer.statusCode(), answer.body());
    } catch (IOException e) {
      throw new IllegalStateException("POST " + url + " failed: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  /** {@code sha256=} and the lower-case hex HMAC-SHA256 of the body, as both trackers send it. */
  public static String signature(byte[] body, String secret) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is missing from this JVM", e);
    }
  }
}
