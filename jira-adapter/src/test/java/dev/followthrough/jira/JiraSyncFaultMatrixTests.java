package dev.followthrough.jira;

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
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Nested;

/** The fault matrix against the Jira simulator, Cloud and Data Center. */
class JiraSyncFaultMatrixTests {
  /** Client timeout in these tests; late answers and unfinished work come after it. */
  static final Duration TIMEOUT = Duration.ofMillis(300);

  static SyncFaultMatrix.Subject subject(boolean cloud, Duration lag) {
    JiraFixture fixture = new JiraFixture(cloud, lag);
    fixture.jira.faults.timing(550, TIMEOUT.dividedBy(2));
    JiraTracker tracker = fixture.tracker().requestTimeout(TIMEOUT).searchLag(lag)
        .users(Map.of("erin", "5b10ac8d82e05b22cc7d4ef5")).build();
    return new SyncFaultMatrix.Subject() {
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
        return EnumSet.of(RequestKind.CREATE, RequestKind.EDIT, RequestKind.TRANSITION, RequestKind.SOURCE_LINK,
            RequestKind.COMMENT, RequestKind.SEARCH, RequestKind.READ);
      }

      @Override
      public void aim(RequestKind kind, TrackerFault fault) {
        fixture.jira.faults.aim(kind, fault);
      }

      @Override
      public boolean stillAimed(RequestKind kind) {
        return fixture.jira.faults.stillAimed(kind);
      }

      @Override
      public int writeRequests() {
        return (int) fixture.server.getAllServeEvents().stream()
            .filter(e -> !e.getRequest().getMethod().getName().equals("GET"))
            .filter(e -> !e.getRequest().getUrl().contains("/search")).count();
      }

      @Override
      public List<SyncFaultMatrix.TicketView> tickets() {
        List<SyncFaultMatrix.TicketView> views = new ArrayList<>();
        for (JsonNode issue : fixture.jira.issues()) {
          JsonNode f = issue.path("fields");
          List<String> keys = new ArrayList<>();
          f.path("labels").forEach(l -> {
            if (l.asText().startsWith("ft-")) {
              keys.add(l.asText());
            }
          });
          views.add(new SyncFaultMatrix.TicketView(issue.path("key").asText(), keys, f.path("summary").asText(), state(f),
              fixture.jira.comments(issue.path("key").asText()).size()));
        }
        return views;
      }

      @Override
      public void close() {
        fixture.close();
      }
    };
  }

  /** As a person reads it: a done issue without a resolution is "Unresolved", neither done nor won't do. */
  static TicketState state(JsonNode fields) {
    String category = fields.path("status").path("statusCategory").path("key").asText();
    String resolution = fields.path("resolution").path("name").asText(null);
    return switch (category) {
      case "done" -> resolution == null ? null : JiraFields.wontDo(resolution) ? TicketState.WONT_DO : TicketState.DONE;
      case "indeterminate" -> TicketState.IN_PROGRESS;
      default -> TicketState.OPEN;
    };
  }

  @Nested
  class Cloud extends SyncFaultMatrix {
    @Override
    protected Subject subject(Duration lag) {
      return JiraSyncFaultMatrixTests.subject(true, lag);
    }
  }

  @Nested
  class DataCenter extends SyncFaultMatrix {
    @Override
    protected Subject subject(Duration lag) {
      return JiraSyncFaultMatrixTests.subject(false, lag);
    }
  }
}
