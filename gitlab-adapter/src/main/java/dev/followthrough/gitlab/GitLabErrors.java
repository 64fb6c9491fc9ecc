package dev.followthrough.gitlab;

import dev.followthrough.core.tracker.TrackerException;
import dev.followthrough.core.tracker.TrackerException.Kind;
import jakarta.ws.rs.core.MultivaluedMap;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.gitlab4j.api.GitLabApiException;

/**
 * Turns gitlab4j-api's exceptions into {@link TrackerException}s. Rate limits never block: a 429
 * fails the call with the wait GitLab asked for ({@code Retry-After} in seconds, else
 * {@code RateLimit-Reset} as a Unix time; GitLab docs, "User and IP rate limits", response
 * headers), and the sync engine waits only when that fits the run's time budget.
 */
final class GitLabErrors {
  static final String TRACKER = "gitlab";
  /** GitLab.com has answered 429 without any of its headers (gitlab-org/gitlab#365728). */
  static final Duration DEFAULT_WAIT = Duration.ofMinutes(1);

  private GitLabErrors() {}

  static TrackerException convert(GitLabApiException e, String ticketKey, String action, Clock clock) {
    String where = ticketKey == null ? action : "#" + ticketKey + ": " + action;
    int status = e.getHttpStatus();
    if (e instanceof IssueRequests.MalformedAnswerException) {
      return new TrackerException(TRACKER, Kind.MALFORMED, status, ticketKey, null, where + ": GitLab's answer could not be read", e);
    }
    if (status <= 0) {
      return noAnswer(e, ticketKey, where);
    }
    String detail = detail(e);
    Duration wait = wait(e.getHeaders(), clock);
    return switch (status) {
      case 401 -> new TrackerException(TRACKER, Kind.AUTH, status, ticketKey, null, where
          + ": GitLab rejected the token (401); check tracker.token (a personal, project or group access token with the api scope)", e);
      case 403 -> new TrackerException(TRACKER, Kind.AUTH, status, ticketKey, null, where
          + ": GitLab refused the request (403); the token's account needs at least the Planner or Reporter role in the project"
          + detail, e);
      case 404 -> new TrackerException(TRACKER, Kind.NOT_FOUND, status, ticketKey, null, where
          + ": not found (404)" + (ticketKey == null ? "; check tracker.project and that the token can see it" : "") + detail, e);
      case 429 -> new TrackerException(TRACKER, Kind.RATE_LIMITED, status, ticketKey, wait == null ? DEFAULT_WAIT : wait,
          where + ": GitLab's rate limit was reached; retry after " + (wait == null ? DEFAULT_WAIT : wait).toSeconds() + " s", e);
      default -> status == 503 && wait != null
          ? new TrackerException(TRACKER, Kind.RATE_LIMITED, status, ticketKey, wait, where + ": GitLab is unavailable (503); retry after "
              + wait.toSeconds() + " s", e)
          : status >= 500
              ? new TrackerException(TRACKER, Kind.TRANSIENT, status, ticketKey, null, where + ": GitLab answered " + status, e)
              : new TrackerException(TRACKER, Kind.INVALID, status, ticketKey, null, where + ": GitLab refused the request ("
                  + status + ")" + detail, e);
    };
  }

  /** No HTTP answer: a timeout, a refused or reset connection. The request may have been carried out. */
  private static TrackerException noAnswer(GitLabApiException e, String ticketKey, String where) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SocketTimeoutException) {
        return new TrackerException(TRACKER, Kind.TIMEOUT, 0, ticketKey, null, where + ": no answer from GitLab in time", e);
      }
      if (t instanceof ConnectException || t instanceof UnknownHostException) {
        return new TrackerException(TRACKER, Kind.TRANSIENT, 0, ticketKey, null, where + ": cannot connect to GitLab ("
            + t.getClass().getSimpleName() + "); check tracker.url and the network", e);
      }
    }
    return new TrackerException(TRACKER, Kind.TRANSIENT, 0, ticketKey, null, where + " failed: the connection broke ("
        + rootMessage(e) + ")", e);
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    return t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + t.getMessage());
  }

  /** The wait a 429 or 503 asks for, or {@code null} when it names none. */
  static Duration wait(MultivaluedMap<String, String> headers, Clock clock) {
    if (headers == null) {
      return null;
    }
    String after = header(headers, "Retry-After");
    if (after != null && after.strip().matches("\\d{1,9}")) {
      return Duration.ofSeconds(Long.parseLong(after.strip()));
    }
    String reset = header(headers, "RateLimit-Reset");
    if (reset != null && reset.strip().matches("\\d{1,12}")) {
      Duration until = Duration.between(clock.instant(), Instant.ofEpochSecond(Long.parseLong(reset.strip())));
      return until.isNegative() ? Duration.ZERO : until;
    }
    return null;
  }

  private static String header(MultivaluedMap<String, String> headers, String name) {
    for (Map.Entry<String, List<String>> h : headers.entrySet()) {
      if (h.getKey().equalsIgnoreCase(name) && !h.getValue().isEmpty()) {
        return h.getValue().get(0);
      }
    }
    return null;
  }

  /** GitLab's own words: {@code {"message": ...}} or field errors {@code {"message": {"title": [...]}}}. */
  private static String detail(GitLabApiException e) {
    if (e.hasValidationErrors()) {
      StringBuilder s = new StringBuilder();
      e.getValidationErrors().forEach((field, problems) -> s.append("; ").append(field).append(' ').append(String.join(", ", problems)));
      return s.toString();
    }
    String message = e.getMessage();
    return message == null || message.isBlank() || message.startsWith("<") ? "" : ": " + message.strip();
  }
}
