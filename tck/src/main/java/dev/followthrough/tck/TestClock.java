package dev.followthrough.tck;

import dev.followthrough.core.sync.Sleeper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/** A clock that only moves when told to; as a {@link Sleeper} it moves instead of sleeping. */
public final class TestClock extends Clock implements Sleeper {
  private Instant now;
  private final List<Duration> sleeps = new ArrayList<>();
  /** When set, the clock also moves with real time (for simulators serving another process). */
  private final Clock ticking;
  private final Instant startedAt;

  public TestClock(Instant start) {
    this(start, null);
  }

  private TestClock(Instant start, Clock ticking) {
    this.now = start;
    this.ticking = ticking;
    this.startedAt = ticking == null ? null : ticking.instant();
  }

  /** A clock that follows real time from now on, and can still be moved ahead. */
  public static TestClock following(Clock real) {
    return new TestClock(real.instant(), real);
  }

  public static TestClock at(String instant) {
    return new TestClock(Instant.parse(instant));
  }

  public synchronized void advance(Duration d) {
    now = now.plus(d);
  }

  @Override
  public synchronized void sleep(Duration duration) {
    sleeps.add(duration);
    now = now.plus(duration);
  }

  public synchronized List<Duration> sleeps() {
    return List.copyOf(sleeps);
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return this;
  }

  @Override
  public synchronized Instant instant() {
    return ticking == null ? now : now.plus(Duration.between(startedAt, ticking.instant()));
  }
}
