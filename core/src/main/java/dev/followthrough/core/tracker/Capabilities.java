package dev.followthrough.core.tracker;

import java.time.Duration;

/**
 * What a tracker can do, so the engine can choose the cheapest safe way.
 *
 * @param maxBatchCreate how many tickets one create call may hold (1 without batch create)
 * @param maxBatchRead how many tickets one read call returns at most (a page)
 * @param nativeDueDates false when due dates are emulated (GitHub milestones)
 * @param searchLag how long a new or changed ticket may stay invisible to {@link
 *     Tracker#findByKeys}; recovery waits this long before concluding a ticket was never created
 * @param inProgressState false when tickets are only open or closed (GitHub): in-progress items
 *     then have open tickets
 * @param createSettleTime how long a create may still complete on the tracker after the client gave
 *     up on it (the client's request timeout, at least): the window in which an unanswered create
 *     is looked for, never resent, starts only after it
 * @param sourceLinks true when the link to the postmortem is kept apart from the description (a Jira
 *     remote link) and so is set by an update of {@link TicketField#SOURCE_LINK}
 */
public record Capabilities(int maxBatchCreate, int maxBatchRead, boolean nativeDueDates, Duration searchLag,
    boolean inProgressState, Duration createSettleTime, boolean sourceLinks) {
  public Capabilities {
    if (maxBatchCreate < 1 || maxBatchRead < 1) {
      throw new IllegalArgumentException("batch sizes must be at least 1");
    }
    searchLag = searchLag == null ? Duration.ZERO : searchLag;
    createSettleTime = createSettleTime == null ? Duration.ZERO : createSettleTime;
  }

  /** A tracker whose creates settle at once and that keeps no separate source links. */
  public Capabilities(int maxBatchCreate, int maxBatchRead, boolean nativeDueDates, Duration searchLag,
      boolean inProgressState) {
    this(maxBatchCreate, maxBatchRead, nativeDueDates, searchLag, inProgressState, Duration.ZERO, false);
  }

  public boolean batchCreate() {
    return maxBatchCreate > 1;
  }

  /**
   * How long after a create's outcome became unknown a search may still miss its ticket: the
   * settle time plus the search lag. Only after it does absence mean the ticket was never made.
   */
  public Duration recoveryWindow() {
    return createSettleTime.plus(searchLag);
  }
}
