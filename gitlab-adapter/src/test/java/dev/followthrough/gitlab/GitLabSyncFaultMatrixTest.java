package dev.followthrough.gitlab;

import com.fasterxml.jackson.databind.JsonNode;
import dev.followthrough.core.testing.TestClock;
import dev.followthrough.core.tracker.TicketState;
import dev.followthrough.core.tracker.Tracker;
import dev.followthrough.core.tracker.TrackerFault;
import dev.followthrough.tck.RequestKind;
import dev.followthrough.tck.SyncFaultMatrix;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** The fault matrix against the GitLab simulator, applied-then-5xx answers included. */
class GitLabSyncFaultMatrixTest extends SyncFaultMatrix {
  static final Duration TIMEOUT = Duration.ofMillis(300);

  @Override
  protected Subject subject(Duration lag) {
    GitLabFixture fixture = new GitLabFixture();
    fixture.gitlab.faults.timing(550, TIMEOUT.dividedBy(2));
    GitLabTracker tracker = fixture.tracker().requestTimeout(TIMEOUT).listLag(lag).build();
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
            RequestKind.SEARCH, RequestKind.READ);
      }

      @Override
      public void aim(RequestKind kind, TrackerFault fault) {
        fixture.gitlab.faults.aim(kind, fault);
      }

      @Override
      public boolean stillAimed(RequestKind kind) {
        return fixture.gitlab.faults.stillAimed(kind);
      }

      @Override
      public int writeRequests() {
        return (int) fixture.server.getAllServeEvents().stream()
            .filter(e -> !e.getRequest().getMethod().getName().equals("GET")).count();
      }

      @Override
      public List<TicketView> tickets() {
        List<TicketView> views = new ArrayList<>();
        for (JsonNode issue : fixture.gitlab.snapshotOfProject()) {
          List<String> keys = new ArrayList<>();
          issue.path("labels").forEach(l -> {
            if (l.asText().startsWith("ft-")) {
              keys.add(l.asText());
            }
          });
          boolean wontDo = false;
          for (JsonNode l : issue.path("labels")) {
            wontDo |= l.asText().equals("won't do");
          }
          TicketState state = issue.path("state").asText().equals("opened") ? TicketState.OPEN
              : wontDo ? TicketState.WONT_DO : TicketState.DONE;
          views.add(new TicketView(issue.path("iid").asText(), keys, issue.path("title").asText(), state,
              fixture.gitlab.notes(issue.path("iid").asLong()).size()));
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
