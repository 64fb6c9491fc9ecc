package dev.followthrough.gitlab;

import com.fasterxml.jackson.databind.JsonNode;
import dev.followthrough.core.tracker.ChangeFeed;
import dev.followthrough.core.tracker.TicketSnapshot;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.gitlab4j.api.GitLabApiException;

/**
 * The project's Followthrough issues changed since an instant:
 * {@code GET /projects/:id/issues?labels=followthrough&state=all&updated_after=…&order_by=updated_at&sort=asc&per_page=100}
 * (Issues API docs: {@code updated_after} is "on or after"). Offset pages shift when an issue
 * changes while they are read, so each next request starts at the last {@code updated_at} read
 * instead of asking for page 2: an issue that changed meanwhile sorts later and is still met.
 * Only a page full of one instant goes on by page number.
 */
final class GitLabChangeFeed implements ChangeFeed {
  private final IssueRequests requests;
  private final Object[] path;
  private final Function<JsonNode, TicketSnapshot> snapshot;
  private final String scope;
  private final Duration overlap;

  GitLabChangeFeed(IssueRequests requests, Object[] path, Function<JsonNode, TicketSnapshot> snapshot, String scope,
      Duration overlap) {
    this.requests = requests;
    this.path = path.clone();
    this.snapshot = snapshot;
    this.scope = scope;
    this.overlap = overlap;
  }

  @Override
  public String scope() {
    return scope;
  }

  @Override
  public Duration overlap() {
    return overlap;
  }

  @Override
  public List<TicketSnapshot> changedSince(Instant since) {
    Map<Long, JsonNode> byId = new LinkedHashMap<>();
    String cursor = since.toString();
    int page = 1;
    try {
      while (true) {
        Map<String, String> filter = Map.of("labels", GitLabTracker.COMMON_LABEL, "state", "all", "updated_after", cursor,
            "order_by", "updated_at", "sort", "asc", "page", String.valueOf(page));
        List<JsonNode> read = requests.page(filter, path);
        for (JsonNode issue : read) {
          // The same issue read twice keeps its later copy, at its later place.
          byId.remove(issue.path("id").asLong());
          byId.put(issue.path("id").asLong(), issue);
        }
        if (read.size() < IssueRequests.PAGE) {
          break;
        }
        String last = read.get(read.size() - 1).path("updated_at").asText();
        page = last.equals(cursor) ? page + 1 : 1;
        cursor = last;
      }
    } catch (GitLabApiException e) {
      throw GitLabErrors.convert(e, null, "reading the issues changed since " + since, java.time.Clock.systemUTC());
    }
    List<TicketSnapshot> changed = new ArrayList<>();
    for (JsonNode issue : byId.values()) {
      // A moved issue's tombstone is no change of the item's ticket: the full reconciliation follows moves.
      if (issue.path("moved_to_id").asLong(0) == 0) {
        changed.add(snapshot.apply(issue));
      }
    }
    return changed;
  }
}
