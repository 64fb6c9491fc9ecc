package dev.followthrough.tck;

import dev.followthrough.core.testing.TestClock;
import dev.followthrough.core.tracker.InMemoryTracker;
import dev.followthrough.core.tracker.Tracker;
import dev.followthrough.core.tracker.TrackerFault;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The fault matrix against the in-memory tracker. */
class InMemorySyncFaultMatrixTest extends SyncFaultMatrix {
  private static final Map<RequestKind, InMemoryTracker.Call> CALLS = Map.of(
      RequestKind.CREATE, InMemoryTracker.Call.CREATE, RequestKind.EDIT, InMemoryTracker.Call.UPDATE,
      RequestKind.TRANSITION, InMemoryTracker.Call.TRANSITION, RequestKind.SOURCE_LINK, InMemoryTracker.Call.LINK,
      RequestKind.COMMENT, InMemoryTracker.Call.COMMENT, RequestKind.SEARCH, InMemoryTracker.Call.FIND_BY_KEYS,
      RequestKind.READ, InMemoryTracker.Call.FETCH);

  @Override
  protected Subject subject(Duration lag) {
    TestClock clock = TestClock.at("2025-06-01T10:00:00Z");
    InMemoryTracker tracker = InMemoryTracker.builder().clock(clock).searchLag(lag)
        .createSettleTime(Duration.ofSeconds(30)).clientWait(Duration.ofSeconds(30), clock).build();
    return new Subject() {
      @Override
      public Tracker tracker() {
        return tracker;
      }

      @Override
      public TestClock clock() {
        return clock;
      }

      @Override
      public Set<RequestKind> kinds() {
        return EnumSet.copyOf(CALLS.keySet());
      }

      @Override
      public void aim(RequestKind kind, TrackerFault fault) {
        tracker.inject(CALLS.get(kind), fault);
      }

      @Override
      public boolean stillAimed(RequestKind kind) {
        return tracker.injected(CALLS.get(kind)) > 0;
      }

      @Override
      public int writeRequests() {
        return tracker.writeCalls();
      }

      @Override
      public List<TicketView> tickets() {
        return tracker.tickets().stream().map(t -> new TicketView(t.key(), List.of(t.idempotencyKey()), t.title(), t.state(),
            tracker.comments(t.key()).size())).toList();
      }

      @Override
      public void close() {}
    };
  }
}
