package dev.followthrough.core.tracker;

import dev.followthrough.core.FollowthroughException;
import java.time.Duration;
import java.util.Optional;

/**
 * A tracker call failed. Adapters convert their client errors into this at their boundary; the
 * message is for people and never contains credentials.
 */
public class TrackerException extends FollowthroughException {
  private static final long serialVersionUID = 1L;

  /** What kind of failure, which decides whether and how the engine retries. */
  public enum Kind {
    /** Credentials are wrong or lack a permission (401, 403): no retry. */
    AUTH(false),
    /** The ticket or project does not exist (404): no retry. */
    NOT_FOUND(false),
    /** The tracker refused the request's content (400, 422): no retry. */
    INVALID(false),
    /** Rate limited (429, or 403/503 with Retry-After): retry after the wait. */
    RATE_LIMITED(true),
    /** A server error or dropped connection: retry with back-off. */
    TRANSIENT(true),
    /** No answer in time: the request may or may not have taken effect. */
    TIMEOUT(true),
    /** The answer could not be read: the request may or may not have taken effect. */
    MALFORMED(true);

    private final boolean retryable;

    Kind(boolean retryable) {
      this.retryable = retryable;
    }

    public boolean retryable() {
      return retryable;
    }
  }

  private final String tracker;
  private final Kind kind;
  private final int httpStatus;
  private final String ticketKey;
  private final Duration retryAfter;

  public TrackerException(String tracker, Kind kind, int httpStatus, String ticketKey, Duration retryAfter,
      String message, Throwable cause) {
    super(tracker + ": " + message, cause);
    this.tracker = tracker;
    this.kind = kind;
    this.httpStatus = httpStatus;
    this.ticketKey = ticketKey;
    this.retryAfter = retryAfter;
  }

  public TrackerException(String tracker, Kind kind, int httpStatus, String message) {
    this(tracker, kind, httpStatus, null, null, message, null);
  }

  public String tracker() {
    return tracker;
  }

  public Kind kind() {
    return kind;
  }

  /** The HTTP status, or 0 when there was no answer. */
  public int httpStatus() {
    return httpStatus;
  }

  public Optional<String> ticketKey() {
    return Optional.ofNullable(ticketKey);
  }

  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }

  /**
   * Whether a create that failed this way may nonetheless have created the ticket, so that it
   * must not be sent again before looking for the ticket.
   */
  public boolean mayHaveTakenEffect() {
    return kind == Kind.TIMEOUT || kind == Kind.MALFORMED || (kind == Kind.TRANSIENT && httpStatus == 0);
  }
}
