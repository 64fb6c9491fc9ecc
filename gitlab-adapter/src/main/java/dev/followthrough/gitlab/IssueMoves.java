package dev.followthrough.gitlab;

import com.fasterxml.jackson.databind.JsonNode;
import dev.followthrough.core.tracker.TicketSnapshot;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.gitlab4j.api.GitLabApiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows moved issues. Moving an issue makes a new issue in the target project and closes the old
 * one with {@code moved_to_id} set to the new issue's global id (Issues API docs, "Move an issue");
 * labels go along only where the target project has them, the description (and so the marker)
 * always. {@code GET /issues/:id} reads an issue by global id for administrators only, so for
 * other tokens the new issue is found by its marker among the issues the token can see.
 */
final class IssueMoves {
  private static final Logger LOG = LoggerFactory.getLogger(IssueMoves.class);
  /** An issue moved on and on is followed this far, never round in circles. */
  private static final int MAX_HOPS = 5;

  private final IssueRequests requests;
  private final GitLabFields fields;

  IssueMoves(IssueRequests requests, GitLabFields fields) {
    this.requests = requests;
    this.fields = fields;
  }

  /** The issue itself, or the one it became; empty when a moved issue cannot be found. */
  Optional<TicketSnapshot> followed(JsonNode issue, Function<JsonNode, TicketSnapshot> snapshot, String key)
      throws GitLabApiException {
    JsonNode current = issue;
    for (int hop = 0; hop < MAX_HOPS && movedTo(current) != 0; hop++) {
      String marker = fields.snapshot(current, key).idempotencyKey();
      JsonNode next = byGlobalId(movedTo(current), marker);
      if (next == null) {
        LOG.warn("#{} was moved (to issue id {}) where this token cannot find it; give the account access to the target"
            + " project", key, movedTo(current));
        return Optional.empty();
      }
      current = next;
    }
    return Optional.of(snapshot.apply(current));
  }

  private static long movedTo(JsonNode issue) {
    return issue.path("moved_to_id").asLong(0);
  }

  private JsonNode byGlobalId(long id, String marker) throws GitLabApiException {
    try {
      return requests.get("issues", id);
    } catch (GitLabApiException e) {
      if (e.getHttpStatus() != 403 && e.getHttpStatus() != 404 || marker == null) {
        throw e;
      }
    }
    for (JsonNode candidate : requests.list(Map.of("scope", "all", "search", marker, "in", "description"), "issues")) {
      if (candidate.path("id").asLong() == id) {
        return candidate;
      }
    }
    return null;
  }
}
