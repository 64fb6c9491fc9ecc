package dev.followthrough.core.tracker;

/**
 * Ways a remote tracker fails one request, as the in-memory tracker and the simulators in the tests
 * inject them. Each says whether the request took effect, which the client cannot tell from the
 * failure alone.
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
  STILL_WORKING;

  /** Whether the tracker applies the request at once. */
  public boolean appliedNow() {
    return this == RESET_AFTER_APPLIED || this == LATE_ANSWER;
  }

  /** What the client sees. */
  public TrackerException failure(String tracker) {
    return switch (this) {
      case RATE_LIMITED -> new TrackerException(tracker, TrackerException.Kind.RATE_LIMITED, 429, null,
          java.time.Duration.ofSeconds(7), "rate limited (429)", null);
      case UNAVAILABLE -> new TrackerException(tracker, TrackerException.Kind.TRANSIENT, 503, "unavailable (503)");
      case FORBIDDEN -> new TrackerException(tracker, TrackerException.Kind.AUTH, 403, "forbidden (403)");
      case RESET_BEFORE_APPLIED, RESET_AFTER_APPLIED ->
          new TrackerException(tracker, TrackerException.Kind.TRANSIENT, 0, "connection reset");
      case LATE_ANSWER, STILL_WORKING -> new TrackerException(tracker, TrackerException.Kind.TIMEOUT, 0,
          "no answer within the timeout");
    };
  }
}
