package dev.followthrough.github;

import dev.followthrough.tck.TrackerHarness;
import dev.followthrough.core.tracker.TicketState;
import dev.followthrough.core.tracker.Tracker;
import dev.followthrough.tck.TrackerCompatibilityKit;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;

/** The tracker compatibility kit against the GitHub simulator. */
class GitHubCompatibilityTest extends TrackerCompatibilityKit {
  GitHubFixture fixture;

  @Override
  protected TrackerHarness createHarness() {
    fixture = new GitHubFixture();
    GitHubTracker tracker = fixture.tracker().build();
    return new TrackerHarness() {
      @Override
      public Tracker tracker() {
        return tracker;
      }

      @Override
      public void failNextRequest(TrackerHarness.Failure failure) {
        switch (failure) {
          case UNAUTHORIZED -> fixture.github.failNext(401, Map.of(), "{\"message\":\"Bad credentials\"}");
          case NOT_FOUND -> fixture.github.failNext(404, Map.of(), "{\"message\":\"Not Found\"}");
          case RATE_LIMITED -> fixture.github.failNext(429, Map.of("Retry-After", "7"),
              "{\"message\":\"You have exceeded a secondary rate limit.\"}");
          case SERVER_ERROR -> {
            // github-api retries a few server errors itself: fail every attempt.
            for (int i = 0; i < 5; i++) {
              fixture.github.failNext(500, Map.of(), "{\"message\":\"Server Error\"}");
            }
          }
          case TIMEOUT -> fixture.github.delayNext(4000);
          case MALFORMED -> fixture.github.malformedNext();
        }
      }

      @Override
      public void loseNextCreateResponse() {
        fixture.github.loseNextCreate();
      }

      @Override
      public void awaitSearchable() {
        // Listing issues is consistent at once.
      }

      @Override
      public void deleteInTracker(String ticketKey) {
        fixture.github.delete(Integer.parseInt(ticketKey));
      }

      @Override
      public void changeStateInTracker(String ticketKey, TicketState state) {
        int n = Integer.parseInt(ticketKey);
        switch (state) {
          case DONE -> fixture.github.close(n, "completed");
          case WONT_DO -> fixture.github.close(n, "not_planned");
          default -> throw new IllegalArgumentException("GitHub issues are only open or closed");
        }
      }

      @Override
      public java.util.List<String> comments(String ticketKey) {
        return fixture.github.comments(Integer.parseInt(ticketKey));
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
