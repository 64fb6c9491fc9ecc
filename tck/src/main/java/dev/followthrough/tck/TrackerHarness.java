package dev.followthrough.tck;

import dev.followthrough.core.tracker.TicketState;
import dev.followthrough.core.tracker.Tracker;
import java.util.List;

/** A tracker under test and the means to provoke what a real tracker does. */
public interface TrackerHarness {
  Tracker tracker();

  /** The next request the tracker receives is answered with this failure. */
  void failNextRequest(Failure failure);

  /** The next create request makes its tickets, but its answer never arrives. */
  void loseNextCreateResponse();

  /** Waits until tickets made so far are visible to {@link Tracker#findByKeys}. */
  void awaitSearchable();

  /** Moves a ticket as a person working in the tracker would. */
  void changeStateInTracker(String ticketKey, TicketState state);

  /** The comments on a ticket as plain text, oldest first. */
  List<String> comments(String ticketKey);

  /** Deletes a ticket as a person with the permission would. */
  void deleteInTracker(String ticketKey);

  /** A well-formed key of a ticket that does not exist. */
  default String missingTicketKey() {
    return "NOPE-999999";
  }

  /** Failures a tracker can answer with. */
  enum Failure {
    /** HTTP 401. */
    UNAUTHORIZED,
    /** HTTP 404. */
    NOT_FOUND,
    /** HTTP 429 with {@code Retry-After: 7}. */
    RATE_LIMITED,
    /** HTTP 500 or 503 without Retry-After. */
    SERVER_ERROR,
    /** No answer within the client's timeout. */
    TIMEOUT,
    /** A 200 whose body cannot be read. */
    MALFORMED
  }
}
