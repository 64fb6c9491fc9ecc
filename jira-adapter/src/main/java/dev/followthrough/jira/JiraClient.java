package dev.followthrough.jira;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.followthrough.core.config.Secret;
import dev.followthrough.core.tracker.TrackerException;
import dev.followthrough.core.tracker.TrackerException.Kind;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A small typed Jira REST client on {@code java.net.http}: it sends JSON, turns Jira's answers
 * into trees, and every failure into a {@link TrackerException} whose message names the field or
 * explains the credentials problem. Never logs or repeats the token.
 */
final class JiraClient {
  static final String TRACKER = "jira";
  private static final ObjectMapper JSON =
      new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  private final URI site;
  private final String base;
  private final JiraDeployment deployment;
  private final String authorization;
  private final HttpClient http;
  private final Duration requestTimeout;
  private final Clock clock;

  JiraClient(URI site, JiraDeployment deployment, String email, Secret token, HttpClient http, Duration requestTimeout,
      Clock clock) {
    this.site = site;
    this.deployment = deployment;
    // Below the site's own path (a Cloud gateway's /ex/jira/{cloudId}, a Data Center context path),
    // never replacing it.
    String root = site.toString();
    this.base = (root.endsWith("/") ? root.substring(0, root.length() - 1) : root) + deployment.apiPath();
    this.authorization = deployment == JiraDeployment.CLOUD
        ? "Basic " + Base64.getEncoder().encodeToString((email + ":" + token.reveal()).getBytes(StandardCharsets.UTF_8))
        : "Bearer " + token.reveal();
    this.http = http;
    this.requestTimeout = requestTimeout;
    this.clock = clock;
  }

  static ObjectMapper json() {
    return JSON;
  }

  URI site() {
    return site;
  }

  JiraDeployment deployment() {
    return deployment;
  }

  JsonNode get(String path, String ticketKey) {
    return send("GET", path, null, ticketKey);
  }

  JsonNode post(String path, JsonNode body, String ticketKey) {
    return send("POST", path, body, ticketKey);
  }

  JsonNode put(String path, JsonNode body, String ticketKey) {
    return send("PUT", path, body, ticketKey);
  }

  static String query(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  /** A create answers 201 with created issues and per-element errors, or 400 when all failed. */
  JsonNode postBulk(String path, JsonNode body) {
    HttpResponse<String> response = exchange("POST", path, body, null);
    if (response.statusCode() == 400) {
      JsonNode tree = parse(response, null);
      if (tree.has("errors") && tree.get("errors").isArray()) {
        return tree;
      }
    }
    return check(response, null);
  }

  /** A GET whose status and headers the caller reads itself, as the doctor's checks do. */
  HttpResponse<String> getAnswer(String path) {
    return exchange("GET", path, null, null);
  }

  static JsonNode tree(HttpResponse<String> response) {
    try {
      return response.body() == null || response.body().isBlank() ? JSON.createObjectNode() : JSON.readTree(response.body());
    } catch (JsonProcessingException e) {
      return JSON.createObjectNode();
    }
  }

  private JsonNode send(String method, String path, JsonNode body, String ticketKey) {
    return check(exchange(method, path, body, ticketKey), ticketKey);
  }

  private HttpResponse<String> exchange(String method, String path, JsonNode body, String ticketKey) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
        .timeout(requestTimeout)
        .header("Authorization", authorization)
        .header("Accept", "application/json");
    if (body == null) {
      request.method(method, HttpRequest.BodyPublishers.noBody());
    } else {
      request.header("Content-Type", "application/json")
          .method(method, HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8));
    }
    try {
      return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (HttpTimeoutException e) {
      throw new TrackerException(TRACKER, Kind.TIMEOUT, 0, ticketKey, null,
          "no answer from " + site.getHost() + " within " + requestTimeout.toSeconds() + " s (" + method + " " + path + ")", e);
    } catch (ConnectException e) {
      throw new TrackerException(TRACKER, Kind.TRANSIENT, 0, ticketKey, null,
          "cannot connect to " + site + ": " + e.getMessage(), e);
    } catch (IOException e) {
      throw new TrackerException(TRACKER, Kind.TRANSIENT, 0, ticketKey, null,
          "connection to " + site.getHost() + " failed during " + method + " " + path + ": "
          + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new TrackerException(TRACKER, Kind.TIMEOUT, 0, ticketKey, null, "interrupted", e);
    }
  }

  private JsonNode check(HttpResponse<String> response, String ticketKey) {
    int status = response.statusCode();
    if (status >= 200 && status < 300) {
      return parse(response, ticketKey);
    }
    Optional<Duration> retryAfter = retryAfter(response);
    String detail = errorDetail(response.body());
    String where = ticketKey == null ? "" : ticketKey + ": ";
    throw switch (status) {
      case 401 -> new TrackerException(TRACKER, Kind.AUTH, status, ticketKey, null, where + "Jira rejected the credentials (401): "
          + (deployment == JiraDeployment.CLOUD
              ? "check tracker.email and the API token; a scoped API token only works through https://api.atlassian.com/ex/jira/{cloudId}"
              : "check the personal access token") + detail, null);
      case 403 -> new TrackerException(TRACKER, Kind.AUTH, status, ticketKey, null, where
          + "Jira refused the request (403): the account lacks a permission (Browse projects, Create issues, Edit issues,"
          + " Transition issues or Assign issues in the project)" + detail, null);
      case 404 -> new TrackerException(TRACKER, Kind.NOT_FOUND, status, ticketKey, null, where + "not found (404)" + detail, null);
      case 429 -> new TrackerException(TRACKER, Kind.RATE_LIMITED, status, ticketKey, retryAfter.orElse(null),
          where + "rate limited by Jira (429)" + retryAfter.map(d -> "; retry after " + d.toSeconds() + " s").orElse(""), null);
      default -> status >= 500
          ? new TrackerException(TRACKER, retryAfter.isPresent() ? Kind.RATE_LIMITED : Kind.TRANSIENT, status, ticketKey,
              retryAfter.orElse(null), where + "Jira answered " + status + detail, null)
          : new TrackerException(TRACKER, Kind.INVALID, status, ticketKey, null, where + "Jira refused the request (" + status + ")"
              + detail, null);
    };
  }

  private JsonNode parse(HttpResponse<String> response, String ticketKey) {
    String body = response.body();
    if (body == null || body.isBlank()) {
      return JSON.createObjectNode();
    }
    try {
      return JSON.readTree(body);
    } catch (JsonProcessingException e) {
      throw new TrackerException(TRACKER, Kind.MALFORMED, response.statusCode(), ticketKey, null,
          "Jira's answer is not valid JSON: " + e.getOriginalMessage(), e);
    }
  }

  /** Seconds in {@code Retry-After}, else the ISO-8601 time in {@code X-RateLimit-Reset}. */
  Optional<Duration> retryAfter(HttpResponse<String> response) {
    Optional<String> seconds = response.headers().firstValue("Retry-After");
    if (seconds.isPresent() && seconds.get().strip().matches("\\d+")) {
      return Optional.of(Duration.ofSeconds(Long.parseLong(seconds.get().strip())));
    }
    Optional<String> reset = response.headers().firstValue("X-RateLimit-Reset");
    if (reset.isPresent()) {
      try {
        Duration wait = Duration.between(clock.instant(), Instant.parse(reset.get().strip()));
        return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
      } catch (DateTimeParseException e) {
        return Optional.empty();
      }
    }
    return Optional.empty();
  }

  /** Jira's {@code errorMessages} and {@code errors} as one readable phrase naming the fields. */
  static String errorDetail(String body) {
    if (body == null || body.isBlank()) {
      return "";
    }
    try {
      return describeErrors(JSON.readTree(body));
    } catch (JsonProcessingException e) {
      return "";
    }
  }

  static String describeErrors(JsonNode tree) {
    List<String> parts = new ArrayList<>();
    tree.path("errorMessages").forEach(m -> parts.add(m.asText()));
    Iterator<Map.Entry<String, JsonNode>> fields = tree.path("errors").fields();
    while (fields.hasNext()) {
      var f = fields.next();
      parts.add(f.getKey() + ": " + f.getValue().asText());
    }
    return parts.isEmpty() ? "" : ": " + String.join("; ", parts);
  }

  static ObjectNode object() {
    return JSON.createObjectNode();
  }
}
