package dev.followthrough.core.tracker;

import java.time.Clock;
import java.time.Duration;

/** Builds an {@link InMemoryTracker}. */
public final class InMemoryTrackerBuilder {
  String type = "memory";
  int batchCreate = 50;
  int pageSize = 100;
  Duration searchLag = Duration.ZERO;
  Duration createSettleTime = Duration.ZERO;
  Clock clock = Clock.systemUTC();
  Duration clientWait = Duration.ZERO;
  dev.followthrough.core.sync.Sleeper clientSleeper = dev.followthrough.core.sync.Sleeper.REAL;
  Duration clockSkew = Duration.ZERO;
  Duration overlap;

  InMemoryTrackerBuilder() {}

  /**
   * Offers a {@link ChangeFeed} read from {@code overlap} before the watermark (default none: every
   * sync is full). Its index shows every other write a search lag late; the tracker's clock runs
   * {@code skew} ahead of the builder's clock (negative: behind), stamping {@code updatedAt}.
   */
  public InMemoryTrackerBuilder changeFeed(Duration overlap, Duration skew) {
    this.overlap = overlap;
    this.clockSkew = skew;
    return this;
  }

  /**
   * How long a client waits for an answer that does not come (a late answer, work still
   * running), spent on this sleeper (tests pass their test clock); default no wait.
   */
  public InMemoryTrackerBuilder clientWait(Duration wait, dev.followthrough.core.sync.Sleeper sleeper) {
    this.clientWait = wait;
    this.clientSleeper = sleeper;
    return this;
  }

  /** The type name it reports (default {@code memory}). */
  public InMemoryTrackerBuilder type(String type) {
    this.type = type;
    return this;
  }

  /** Tickets per create call; 1 means no batch create (default 50). */
  public InMemoryTrackerBuilder batchCreate(int size) {
    this.batchCreate = size;
    return this;
  }

  /** Tickets per read call (default 100). */
  public InMemoryTrackerBuilder pageSize(int size) {
    this.pageSize = size;
    return this;
  }

  /**
   * How long a new ticket stays invisible to {@link #findByKeys} (by the tracker's clock), as in
   * a lagging search index; also announced in its capabilities.
   */
  public InMemoryTrackerBuilder searchLag(Duration lag) {
    this.searchLag = lag;
    return this;
  }

  /** How long a request may still take effect after the client gave up (default none). */
  public InMemoryTrackerBuilder createSettleTime(Duration time) {
    this.createSettleTime = time;
    return this;
  }

  public InMemoryTrackerBuilder clock(Clock clock) {
    this.clock = clock;
    return this;
  }

  public InMemoryTracker build() {
    return new InMemoryTracker(this);
  }
}
