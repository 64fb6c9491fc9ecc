package dev.followthrough.jira;

import dev.followthrough.tck.TrackerHarness;
import dev.followthrough.core.tracker.TicketState;
import dev.followthrough.core.tracker.Tracker;
import dev.followthrough.tck.TrackerCompatibilityKit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;

/** The tracker compatibility kit against the Jira simulator, for both deployments. */
class JiraCompatibilityTests {

  static TrackerHarness harness(JiraFixture fixture) {
    JiraTracker tracker = fixture.tracker().build();
    return new TrackerHarness() {
      @Override
      public Tracker tracker() {
        return tracker;
      }

      @Override
      public void failNextRequest(TrackerHarness.Failure failure) {
        switch (failure) {
          case UNAUTHORIZED -> fixture.jira.failNext(401, null,
              "{\"errorMessages\":[\"You are not authenticated.\"],\"errors\":{}}");
          case NOT_FOUND -> fixture.jira.failNext(404, null, "{\"errorMessages\":[\"Issue does not exist\"],\"errors\":{}}");
          case RATE_LIMITED -> fixture.jira.failNext(429, "7", "{\"errorMessages\":[\"Rate limit exceeded.\"],\"errors\":{}}");
          case SERVER_ERROR -> fixture.jira.failNext(500, null, "{\"errorMessages\":[\"Internal server error\"],\"errors\":{}}");
          case TIMEOUT -> fixture.jira.delayNext(4000);
          case MALFORMED -> fixture.jira.malformedNext();
        }
      }

      @Override
      public void loseNextCreateResponse() {
        fixture.jira.loseNextCreate();
      }

      @Override
      public void awaitSearchable() {
        fixture.clock.advance(JiraFixture.LAG.plusSeconds(1));
      }

      @Override
      public void deleteInTracker(String ticketKey) {
        fixture.jira.delete(ticketKey);
      }

      @Override
      public void changeStateInTracker(String ticketKey, TicketState state) {
        switch (state) {
          case OPEN -> fixture.jira.setStatus(ticketKey, "new", "To Do", null);
          case IN_PROGRESS -> fixture.jira.setStatus(ticketKey, "indeterminate", "In Progress", null);
          case DONE -> fixture.jira.setStatus(ticketKey, "done", "Done", "Done");
          case WONT_DO -> fixture.jira.setStatus(ticketKey, "done", "Won't Do", "Won't Do");
        }
      }

      @Override
      public java.util.List<String> comments(String ticketKey) {
        return fixture.jira.comments(ticketKey);
      }

      @Override
      public String missingTicketKey() {
        return "OPS-999999";
      }
    };
  }

  @Nested
  class Cloud extends TrackerCompatibilityKit {
    JiraFixture fixture;

    @Override
    protected TrackerHarness createHarness() {
      fixture = new JiraFixture(true);
      return harness(fixture);
    }

    @AfterEach
    void stop() {
      fixture.close();
    }
  }

  @Nested
  class DataCenter extends TrackerCompatibilityKit {
    JiraFixture fixture;

    @Override
    protected TrackerHarness createHarness() {
      fixture = new JiraFixture(false);
      return harness(fixture);
    }

    @AfterEach
    void stop() {
      fixture.close();
    }
  }
}
