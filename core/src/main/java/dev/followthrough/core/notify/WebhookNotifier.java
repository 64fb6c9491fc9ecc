package dev.followthrough.core.notify;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.followthrough.core.config.Secret;
import dev.followthrough.core.json.JsonFormat;
import dev.followthrough.core.report.GroupBy;
import dev.followthrough.core.report.OverdueReport;
import dev.followthrough.core.report.ReportFormat;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

/**
 * Posts the Markdown report to an incoming webhook as {@code {"text": "…"}}, the payload Slack and
 * compatible chat tools accept. The URL is a secret: messages name only its host.
 */
public final class WebhookNotifier implements Notifier {
  private final Secret url;
  private final HttpClient http;
  private final Duration timeout;
  private final GroupBy groupBy;

  public WebhookNotifier(Secret url, HttpClient http, Duration timeout, GroupBy groupBy) {
    this.url = url;
    this.http = http;
    this.timeout = timeout;
    this.groupBy = groupBy;
  }

  public static WebhookNotifier of(Secret url) {
    return new WebhookNotifier(url, HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build(),
        Duration.ofSeconds(30), GroupBy.OWNER);
  }

  @Override
  public String name() {
    return "webhook at " + host();
  }

  private String host() {
    try {
      return URI.create(url.reveal()).getHost();
    } catch (IllegalArgumentException e) {
      return "(an invalid URL)";
    }
  }

  @Override
  public NotifyResult send(OverdueReport report) {
    if (report.overdue().isEmpty() && report.dueSoon().isEmpty() && report.unowned().isEmpty()) {
      return new NotifyResult(name(), 0, 1, List.of());
    }
    return post(ReportFormat.MARKDOWN.render(report, groupBy));
  }

  /** Posts one message (Markdown) as {@code {"text": "…"}}; a failure is in the result, never thrown. */
  public NotifyResult post(String text) {
    ObjectNode payload = JsonFormat.json().object();
    payload.put("text", text);
    try {
      HttpRequest request = HttpRequest.newBuilder(URI.create(url.reveal())).timeout(timeout)
          .header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString(payload.toString(), StandardCharsets.UTF_8)).build();
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() / 100 != 2) {
        return new NotifyResult(name(), 0, 0, List.of(name() + " answered " + response.statusCode()));
      }
      return new NotifyResult(name(), 1, 0, List.of());
    } catch (IOException | IllegalArgumentException e) {
      return new NotifyResult(name(), 0, 0, List.of(name() + " could not be reached (" + e.getClass().getSimpleName() + ")"));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new NotifyResult(name(), 0, 0, List.of(name() + ": interrupted"));
    }
  }
}
