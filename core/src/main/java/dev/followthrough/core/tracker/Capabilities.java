package dev.followthrough.core.tracker;

import java.time.Duration;

/**
 * What a tracker can do, so the engine can choose the cheapest safe way.
 *
 * @param maxBatchCreate how many tickets one create call may hold (1 without batch create)
 * @param maxBatchRead how many tickets one read call returns at most (a page)
 * @param nativeDueDates false when due dates are emulated (GitHub milestones)
 * @param searchLag how long a new ticket may stay invisible to {@link Tracker#findByKeys};
 *     recovery waits this long before concluding a ticket was never created
 * @param inProgressState false when tickets are only open or closed (GitHub): in-progress items
 *     then have open tickets
 */
public record Capabilities(int maxBatchCreate, int maxBatchRead, boolean nativeDueDates, Duration searchLag,
    boolean inProgressState) {
  public Capabilities {
    if (maxBatchCreate < 1 || maxBatchRead < 1) {
      throw new IllegalArgumentException("batch sizes must be at least 1");
    }
    searchLag = searchLag == null ? Duration.ZERO : searchLag;
  }

  public boolean batchCreate() {
    return maxBatchCreate > 1;
  }
}
