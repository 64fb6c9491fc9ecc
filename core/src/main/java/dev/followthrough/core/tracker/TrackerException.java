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
   * Whether a request that failed this way may nonetheless have been carried out, so that a
   * request which is not idempotent (a create, a comment) must not be sent again before looking
   * for its effect.
   *
   * <p>HTTP leaves the outcome unknown for every answer but a success and a refusal: a 5xx says
   * the server failed, not that it did nothing (RFC 9110 §15.6), and a gateway's 502 or 504 comes
   * after the origin may have applied the request; a 503 or 429 with {@code Retry-After} promises
   * nothing about work already started. Only the refusals listed in {@link #CERTAIN_REFUSALS},
   * and failures found before anything was sent, are certain.
   */
  public boolean mayHaveTakenEffect() {
    if (httpStatus == 0) {
      // No answer: certain only when the adapter refused the request itself, before sending it.
      return kind != Kind.AUTH && kind != Kind.INVALID && kind != Kind.NOT_FOUND;
    }
    if (kind == Kind.RATE_LIMITED || kind == Kind.MALFORMED || kind == Kind.TIMEOUT) {
      return true;
    }
    return !CERTAIN_REFUSALS.contains(httpStatus);
  }

  /**
   * Answers that say the request was not carried out: the tracker checked it and refused it
   * (credentials, permissions, a missing target, content it validates), or the server cannot
   * handle the method or protocol at all (501, 505; RFC 9110 §15.6.2 and §15.6.6).
   */
  public static final java.util.Set<Integer> CERTAIN_REFUSALS =
      java.util.Set.of(400, 401, 403, 404, 405, 409, 410, 411, 413, 414, 415, 422, 501, 505);
}
