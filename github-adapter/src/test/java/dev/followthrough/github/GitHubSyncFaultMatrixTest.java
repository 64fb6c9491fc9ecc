package dev.followthrough.github;

import com.fasterxml.jackson.databind.JsonNode;
import dev.followthrough.core.testing.TestClock;
import dev.followthrough.tck.RequestKind;
import dev.followthrough.tck.SyncFaultMatrix;
import dev.followthrough.core.tracker.TicketState;
import dev.followthrough.core.tracker.Tracker;
import dev.followthrough.core.tracker.TrackerFault;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** The fault matrix against the GitHub simulator. */
class GitHubSyncFaultMatrixTest extends SyncFaultMatrix {
  static final Duration TIMEOUT = Duration.ofMillis(300);

  @Override
  protected Subject subject(Duration lag) {
    GitHubFixture fixture = new GitHubFixture();
    fixture.github.faults.timing(550, TIMEOUT.dividedBy(2));
    GitHubTracker tracker = fixture.tracker().requestTimeout(TIMEOUT).listLag(lag).build();
    return new Subject() {
      @Override
      public Tracker tracker() {
        return tracker;
      }

      @Override
      public TestClock clock() {
        return fixture.clock;
      }

      @Override
      public Set<RequestKind> kinds() {
        return EnumSet.of(RequestKind.CREATE, RequestKind.EDIT, RequestKind.TRANSITION, RequestKind.COMMENT,
            RequestKind.MILESTONE, RequestKind.SEARCH, RequestKind.READ);
      }

      @Override
      public void aim(RequestKind kind, TrackerFault fault) {
        fixture.github.faults.aim(kind, fault);
      }

      @Override
      public boolean stillAimed(RequestKind kind) {
        return fixture.github.faults.stillAimed(kind);
      }

      @Override
      public int writeRequests() {
        return (int) fixture.server.getAllServeEvents().stream()
            .filter(e -> !e.getRequest().getMethod().getName().equals("GET")).count();
      }

      @Override
      public List<TicketView> tickets() {
        List<TicketView> views = new ArrayList<>();
        for (JsonNode issue : fixture.github.issues()) {
          List<String> keys = new ArrayList<>();
          issue.path("labels").forEach(l -> {
            if (l.path("name").asText().startsWith("ft-")) {
              keys.add(l.path("name").asText());
            }
          });
          TicketState state = issue.path("state").asText().equals("open") ? TicketState.OPEN
              : issue.path("state_reason").asText().equals("not_planned") ? TicketState.WONT_DO : TicketState.DONE;
          views.add(new TicketView(issue.path("number").asText(), keys, issue.path("title").asText(), state,
              fixture.github.comments(issue.path("number").asInt()).size()));
        }
        return views;
      }

      @Override
      public void close() {
        fixture.close();
      }
    };
  }
}
