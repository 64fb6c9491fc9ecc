package dev.followthrough.core.tracker;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** The {@link ChangeFeed} of an {@link InMemoryTracker}. */
final class InMemoryChangeFeed implements ChangeFeed {
  private final InMemoryTracker tracker;
  private final Duration overlap;

  InMemoryChangeFeed(InMemoryTracker tracker, Duration overlap) {
    this.tracker = tracker;
    this.overlap = overlap;
  }

  @Override
  public String scope() {
    return "memory:" + tracker.type();
  }

  @Override
  public Duration overlap() {
    return overlap;
  }

  @Override
  public List<TicketSnapshot> changedSince(Instant since) {
    return tracker.changedSince(since);
  }
}
