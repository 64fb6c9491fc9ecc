package dev.followthrough.gitlab;

import dev.followthrough.core.tracker.TicketState;
import dev.followthrough.core.tracker.Tracker;
import dev.followthrough.tck.TrackerCompatibilityKit;
import dev.followthrough.tck.TrackerHarness;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;

/** The tracker compatibility kit against the GitLab simulator. */
class GitLabCompatibilityTest extends TrackerCompatibilityKit {
  GitLabFixture fixture;

  @Override
  protected TrackerHarness createHarness() {
    fixture = new GitLabFixture();
    GitLabTracker tracker = fixture.tracker().build();
    return new TrackerHarness() {
      @Override
      public Tracker tracker() {
        return tracker;
      }

      @Override
      public void failNextRequest(TrackerHarness.Failure failure) {
        switch (failure) {
          case UNAUTHORIZED -> fixture.gitlab.failNext(401, Map.of(), "{\"message\":\"401 Unauthorized\"}");
          case NOT_FOUND -> fixture.gitlab.failNext(404, Map.of(), "{\"message\":\"404 Not found\"}");
          case RATE_LIMITED -> fixture.gitlab.failNext(429, Map.of("Retry-After", "7", "Content-Type", "text/plain"), "Retry later\n");
          case SERVER_ERROR -> fixture.gitlab.failNext(500, Map.of(), "{\"message\":\"500 Internal Server Error\"}");
          case TIMEOUT -> fixture.gitlab.delayNext(4000);
          case MALFORMED -> fixture.gitlab.malformedNext();
        }
      }

      @Override
      public void loseNextCreateResponse() {
        fixture.gitlab.loseNextCreate();
      }

      @Override
      public void awaitSearchable() {
        // The project's issue list is read from the database: consistent at once in the simulator.
      }

      @Override
      public void deleteInTracker(String ticketKey) {
        fixture.gitlab.delete(Long.parseLong(ticketKey));
      }

      @Override
      public void changeStateInTracker(String ticketKey, TicketState state) {
        switch (state) {
          case DONE -> fixture.gitlab.close(Long.parseLong(ticketKey), false);
          case WONT_DO -> fixture.gitlab.close(Long.parseLong(ticketKey), true);
          default -> throw new IllegalArgumentException("GitLab issues are only open or closed");
        }
      }

      @Override
      public List<String> comments(String ticketKey) {
        return fixture.gitlab.notes(Long.parseLong(ticketKey));
      }

      @Override
      public String missingTicketKey() {
        return "999999";
      }
    };
  }

  @AfterEach
  void stop() {
    fixture.close();
  }
}
