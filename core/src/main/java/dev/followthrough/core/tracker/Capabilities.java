package dev.followthrough.core.tracker;

import java.time.Duration;

/**
 * What a tracker can do, so the engine can choose the cheapest safe way.
 *
 * @param maxBatchCreate how many tickets one create call may hold (1 without batch create)
 * @param maxBatchRead how many tickets one read call returns at most (a page)
 * @param nativeDueDates false when due dates are emulated (milestones standing in for them)
 * @param searchLag how long a new or changed ticket may stay invisible to {@link
 *     Tracker#findByKeys}; recovery waits this long before concluding a ticket was never created
 * @param inProgressState false when tickets are only open or closed: in-progress items
 *     then have open tickets
 * @param requestTimeout how long the client waits for an answer before it gives up
 * @param createSettleTime how long a create may still complete on the tracker after the client gave
 *     up on it
 * @param sourceLinks true when the link to the postmortem is kept apart from the description (a
 *     remote link) and so is set by an update of {@link TicketField#SOURCE_LINK}
 */
public record Capabilities(int maxBatchCreate, int maxBatchRead, boolean nativeDueDates, Duration searchLag,
    boolean inProgressState, Duration requestTimeout, Duration createSettleTime, boolean sourceLinks) {
  public Capabilities {
    if (maxBatchCreate < 1 || maxBatchRead < 1) {
      throw new IllegalArgumentException("batch sizes must be at least 1");
    }
    searchLag = searchLag == null ? Duration.ZERO : searchLag;
    requestTimeout = requestTimeout == null ? Duration.ZERO : requestTimeout;
    createSettleTime = createSettleTime == null ? Duration.ZERO : createSettleTime;
  }

  /** A tracker whose creates settle at once and that keeps no separate source links. */
  public Capabilities(int maxBatchCreate, int maxBatchRead, boolean nativeDueDates, Duration searchLag,
      boolean inProgressState) {
    this(maxBatchCreate, maxBatchRead, nativeDueDates, searchLag, inProgressState, Duration.ZERO, Duration.ZERO, false);
  }

  public boolean batchCreate() {
    return maxBatchCreate > 1;
  }

  /**
   * How long after a create request was sent a search may still miss its ticket: the client's wait
   * for an answer, the time the tracker may still take after that, and the search lag. Counted
   * from the intent stored before the request, it holds whether the client gave up or its process
   * died while waiting; only after it does absence mean the ticket was never made.
   */
  public Duration recoveryWindow() {
    return requestTimeout.plus(createSettleTime).plus(searchLag);
  }
}
