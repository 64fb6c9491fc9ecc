package dev.followthrough.core.tracker;

import java.time.Duration;

/**
 * Ways a remote tracker fails one request, as the in-memory tracker and the simulators in the tests
 * inject them. Each says whether the request took effect, which the client cannot tell from the
 * failure alone: a gateway or load balancer in front of the tracker (a vendor's edge, a company
 * proxy) answers 502, 503 or 504 both when the origin never saw the request
 * and when it applied it and the answer was lost on the way back (RFC 9110 §15.6).
 */
public enum TrackerFault {
  /** 429 with {@code Retry-After: 7}: refused, not applied. */
  RATE_LIMITED,
  /** 503 without {@code Retry-After}: not applied. */
  UNAVAILABLE,
  /** 403, as when a permission is missing for one step (Transition issues, say): not applied. */
  FORBIDDEN,
  /** The connection is reset before the request reaches the tracker: not applied. */
  RESET_BEFORE_APPLIED,
  /** The connection is reset after the tracker applied the request. */
  RESET_AFTER_APPLIED,
  /** Applied, but the answer comes after the client's timeout. */
  LATE_ANSWER,
  /**
   * The client times out while the tracker is still working: the request takes effect later,
   * within the tracker's create settle time after the client gave up.
   */
  STILL_WORKING,
  /** Applied by the tracker; a gateway in front of it answers 502 Bad Gateway. */
  APPLIED_THEN_502,
  /** Applied; the answer is 503 without {@code Retry-After} (a load balancer that lost the origin). */
  APPLIED_THEN_503,
  /** Applied; the answer is 503 with {@code Retry-After: 7}, which invites a blind resend. */
  APPLIED_THEN_503_RETRY_AFTER,
  /** Applied; a gateway that gave up waiting for the origin answers 504 Gateway Timeout. */
  APPLIED_THEN_504,
  /** Applied; the success answer arrives cut short, so its body cannot be read. */
  APPLIED_THEN_MALFORMED;

  /** Whether the tracker applies the request at once. */
  public boolean appliedNow() {
    return switch (this) {
      case RESET_AFTER_APPLIED, LATE_ANSWER, APPLIED_THEN_502, APPLIED_THEN_503, APPLIED_THEN_503_RETRY_AFTER,
          APPLIED_THEN_504, APPLIED_THEN_MALFORMED -> true;
      default -> false;
    };
  }

  /** The HTTP status the client sees, or 0 when no answer arrives. */
  public int status() {
    return switch (this) {
      case RATE_LIMITED -> 429;
      case UNAVAILABLE, APPLIED_THEN_503, APPLIED_THEN_503_RETRY_AFTER -> 503;
      case FORBIDDEN -> 403;
      case APPLIED_THEN_502 -> 502;
      case APPLIED_THEN_504 -> 504;
      case APPLIED_THEN_MALFORMED -> 201;
      case RESET_BEFORE_APPLIED, RESET_AFTER_APPLIED, LATE_ANSWER, STILL_WORKING -> 0;
    };
  }

  /** What the client sees, as an adapter would report it. */
  public TrackerException failure(String tracker) {
    return switch (this) {
      case RATE_LIMITED -> new TrackerException(tracker, TrackerException.Kind.RATE_LIMITED, 429, null,
          Duration.ofSeconds(7), "rate limited (429)", null);
      case UNAVAILABLE, APPLIED_THEN_503 ->
          new TrackerException(tracker, TrackerException.Kind.TRANSIENT, 503, "unavailable (503)");
      case APPLIED_THEN_503_RETRY_AFTER -> new TrackerException(tracker, TrackerException.Kind.RATE_LIMITED, 503, null,
          Duration.ofSeconds(7), "unavailable (503), retry after 7 s", null);
      case APPLIED_THEN_502 -> new TrackerException(tracker, TrackerException.Kind.TRANSIENT, 502, "bad gateway (502)");
      case APPLIED_THEN_504 -> new TrackerException(tracker, TrackerException.Kind.TRANSIENT, 504, "gateway timeout (504)");
      case APPLIED_THEN_MALFORMED -> new TrackerException(tracker, TrackerException.Kind.MALFORMED, 201,
          "the answer could not be read");
      case FORBIDDEN -> new TrackerException(tracker, TrackerException.Kind.AUTH, 403, "forbidden (403)");
      case RESET_BEFORE_APPLIED, RESET_AFTER_APPLIED ->
          new TrackerException(tracker, TrackerException.Kind.TRANSIENT, 0, "connection reset");
      case LATE_ANSWER, STILL_WORKING -> new TrackerException(tracker, TrackerException.Kind.TIMEOUT, 0,
          "no answer within the timeout");
    };
  }
}
