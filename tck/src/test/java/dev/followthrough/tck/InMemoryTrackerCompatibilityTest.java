package dev.followthrough.tck;

import dev.followthrough.core.testing.TestClock;
import dev.followthrough.tck.TrackerHarness;
import dev.followthrough.core.tracker.TrackerException;
import dev.followthrough.core.tracker.InMemoryTracker;
import dev.followthrough.core.tracker.Tracker;
import dev.followthrough.core.tracker.TicketState;
import dev.followthrough.core.tracker.TrackerException.Kind;
import java.time.Duration;

/** The in-memory tracker passes the same kit as every adapter. */
class InMemoryTrackerCompatibilityTest extends TrackerCompatibilityKit {
  @Override
  protected TrackerHarness createHarness() {
    TestClock clock = TestClock.at("2025-06-01T10:00:00Z");
    InMemoryTracker memory = InMemoryTracker.builder().clock(clock).batchCreate(5).pageSize(10)
        .searchLag(Duration.ofSeconds(5)).build();
    return new TrackerHarness() {
      @Override
      public Tracker tracker() {
        return memory;
      }

      @Override
      public void failNextRequest(TrackerHarness.Failure failure) {
        memory.failNext(switch (failure) {
          case UNAUTHORIZED -> new TrackerException("memory", Kind.AUTH, 401, "credentials rejected");
          case NOT_FOUND -> new TrackerException("memory", Kind.NOT_FOUND, 404, "no such ticket");
          case RATE_LIMITED -> new TrackerException("memory", Kind.RATE_LIMITED, 429, null, Duration.ofSeconds(7),
              "rate limited", null);
          case SERVER_ERROR -> new TrackerException("memory", Kind.TRANSIENT, 503, "unavailable");
          case TIMEOUT -> new TrackerException("memory", Kind.TIMEOUT, 0, "no answer");
          case MALFORMED -> new TrackerException("memory", Kind.MALFORMED, 200, "unreadable answer");
        });
      }

      @Override
      public void loseNextCreateResponse() {
        memory.loseCreateResponses(1);
      }

      @Override
      public void awaitSearchable() {
        clock.advance(Duration.ofSeconds(6));
      }

      @Override
      public void deleteInTracker(String ticketKey) {
        memory.delete(ticketKey);
      }

      @Override
      public void changeStateInTracker(String ticketKey, TicketState state) {
        memory.changeState(ticketKey, state);
      }

      @Override
      public java.util.List<String> comments(String ticketKey) {
        return memory.comments(ticketKey);
      }
    };
  }
}
