package dev.followthrough.github;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.followthrough.core.tracker.TrackerException;
import dev.followthrough.core.tracker.TrackerException.Kind;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.kohsuke.github.GitHubAbuseLimitHandler;
import org.kohsuke.github.GitHubRateLimitHandler;
import org.kohsuke.github.HttpException;
import org.kohsuke.github.connector.GitHubConnectorResponse;

/**
 * Turns github-api's exceptions into {@link TrackerException}s, and handles rate limits without
 * blocking: the handlers fail the call with the wait GitHub asked for, and the sync engine waits
 * only when that fits the run's time budget.
 */
final class GitHubErrors {
  static final String TRACKER = "github";

  private GitHubErrors() {}

  /** GitHub asked us to wait; carries how long. */
  static final class RateLimitedException extends IOException {
    private static final long serialVersionUID = 1L;
    final Duration wait;
    final boolean secondary;

    RateLimitedException(Duration wait, boolean secondary) {
      super((secondary ? "secondary" : "primary") + " rate limit reached; retry after " + wait.toSeconds() + " s");
      this.wait = wait;
      this.secondary = secondary;
    }
  }

  /** Primary limit: 403 with {@code X-RateLimit-Remaining: 0}; the reset is in epoch seconds. */
  static GitHubRateLimitHandler rateLimitHandler(Clock clock) {
    return new GitHubRateLimitHandler() {
      @Override
      public void onError(GitHubConnectorResponse response) throws IOException {
        Duration wait = Duration.ofMinutes(1);
        String reset = response.header("X-RateLimit-Reset");
        if (reset != null && reset.strip().matches("\\d+")) {
          wait = Duration.between(clock.instant(), Instant.ofEpochSecond(Long.parseLong(reset.strip())));
        }
        throw new RateLimitedException(wait.isNegative() ? Duration.ZERO : wait, false);
      }
    };
  }

  /** Secondary limit: 429, or 403 with {@code Retry-After} in seconds. */
  static GitHubAbuseLimitHandler abuseLimitHandler() {
    return new GitHubAbuseLimitHandler() {
      @Override
      public void onError(GitHubConnectorResponse response) throws IOException {
        String after = response.header("Retry-After");
        Duration wait = after != null && after.strip().matches("\\d+") ? Duration.ofSeconds(Long.parseLong(after.strip()))
            : Duration.ofMinutes(1);
        throw new RateLimitedException(wait, true);
      }
    };
  }

  static TrackerException convert(IOException e, String ticketKey, String action) {
    String where = ticketKey == null ? action : "#" + ticketKey + ": " + action;
    // github-api wraps what its handlers and the connector throw in an HttpException: look at the
    // causes that say more (a rate limit, an unknown outcome, a timeout) before the HTTP status.
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof RateLimitedException limited) {
        return new TrackerException(TRACKER, Kind.RATE_LIMITED, limited.secondary ? 429 : 403, ticketKey, limited.wait,
            where + " failed: GitHub's " + limited.getMessage(), e);
      }
      if (t instanceof TimeoutConnector.OutcomeUnknownException) {
        return new TrackerException(TRACKER, Kind.TRANSIENT, 0, ticketKey, null, where + " failed: " + t.getMessage(), e);
      }
      if (t instanceof HttpTimeoutException) {
        return new TrackerException(TRACKER, Kind.TIMEOUT, 0, ticketKey, null, where + ": no answer from GitHub in time", e);
      }
      if (t instanceof java.net.ConnectException || t instanceof java.net.UnknownHostException) {
        return new TrackerException(TRACKER, Kind.TRANSIENT, 0, ticketKey, null,
            where + ": cannot connect to GitHub (" + t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": "
                + t.getMessage()) + "); check tracker.url and the network", e);
      }
    }
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof HttpException http && http.getResponseCode() >= 200 && http.getResponseCode() < 300) {
        return new TrackerException(TRACKER, Kind.MALFORMED, http.getResponseCode(), ticketKey, null,
            where + ": GitHub's answer could not be read", e);
      }
      if (t instanceof HttpException http && http.getResponseCode() > 0) {
        return fromStatus(http.getResponseCode(), ticketKey, where, http.getMessage(), e);
      }
      if (t instanceof FileNotFoundException) {
        return new TrackerException(TRACKER, Kind.NOT_FOUND, 404, ticketKey, null, where + ": not found (404)", e);
      }
      if (t instanceof JsonProcessingException json) {
        return new TrackerException(TRACKER, Kind.MALFORMED, 200, ticketKey, null,
            where + ": GitHub's answer could not be read (" + json.getOriginalMessage() + ")", e);
      }
    }
    return new TrackerException(TRACKER, Kind.TRANSIENT, 0, ticketKey, null, where + " failed: " + e, e);
  }

  private static TrackerException fromStatus(int status, String ticketKey, String where, String body, IOException e) {
    String detail = message(body);
    return switch (status) {
      case 401 -> new TrackerException(TRACKER, Kind.AUTH, status, ticketKey, null, where
          + ": GitHub rejected the token (401); check tracker.token (a token needs the repo scope, or Issues read and write"
          + " for a fine-grained token)" + detail, e);
      case 403 -> new TrackerException(TRACKER, Kind.AUTH, status, ticketKey, null, where
          + ": GitHub refused the request (403); the token lacks access to the repository's issues" + detail, e);
      case 404 -> new TrackerException(TRACKER, Kind.NOT_FOUND, status, ticketKey, null, where
          + ": not found (404); check tracker.repository and that the token can see it" + detail, e);
      // 410 Gone: for an issue, it was deleted (REST OpenAPI, get an issue); for the repository's
      // issue list, issues are disabled.
      case 410 -> ticketKey != null
          ? new TrackerException(TRACKER, Kind.NOT_FOUND, status, ticketKey, null, where + ": the issue was deleted (410)", e)
          : new TrackerException(TRACKER, Kind.INVALID, status, null, null, where
              + ": issues are disabled for this repository (410)" + detail, e);
      case 422 -> new TrackerException(TRACKER, Kind.INVALID, status, ticketKey, null, where
          + ": GitHub refused the content (422)" + detail, e);
      default -> status >= 500
          ? new TrackerException(TRACKER, Kind.TRANSIENT, status, ticketKey, null, where + ": GitHub answered " + status, e)
          : new TrackerException(TRACKER, Kind.INVALID, status, ticketKey, null, where + ": GitHub answered " + status + detail, e);
    };
  }

  /** The {@code message} and field errors of GitHub's error body, when it has them. */
  private static String message(String body) {
    if (body == null || !body.strip().startsWith("{")) {
      return "";
    }
    try {
      var tree = new com.fasterxml.jackson.databind.ObjectMapper().readTree(body);
      StringBuilder s = new StringBuilder();
      if (tree.hasNonNull("message")) {
        s.append(": ").append(tree.get("message").asText());
      }
      for (var error : tree.path("errors")) {
        s.append("; ").append(error.path("field").asText("?")).append(' ').append(error.path("code").asText(""));
        if (error.hasNonNull("message")) {
          s.append(" (").append(error.get("message").asText()).append(')');
        }
      }
      return s.toString();
    } catch (IOException ignored) {
      return "";
    }
  }
}
