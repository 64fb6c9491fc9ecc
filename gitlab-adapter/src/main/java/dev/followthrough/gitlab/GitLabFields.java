package dev.followthrough.gitlab;

import com.fasterxml.jackson.databind.JsonNode;
import dev.followthrough.core.model.Priority;
import dev.followthrough.core.model.TicketKeys;
import dev.followthrough.core.tracker.TicketDraft;
import dev.followthrough.core.tracker.TicketSnapshot;
import dev.followthrough.core.tracker.TicketState;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The field mapping between items and GitLab issues: labels (the common label, the key, the
 * priority as a scoped label), the won't-do label, and an issue read back as a snapshot.
 */
final class GitLabFields {
  private final Map<Priority, String> priorityLabels;
  private final String wontDoLabel;
  private final GitLabUsers users;

  GitLabFields(Map<Priority, String> priorities, String wontDoLabel, GitLabUsers users) {
    Map<Priority, String> labels = new EnumMap<>(Priority.class);
    for (Priority p : Priority.values()) {
      // Scoped labels (key::value) keep one priority per issue: adding priority::P2 removes
      // priority::P1 (GitLab docs, "Scoped labels").
      labels.put(p, priorities.getOrDefault(p, "priority::" + p.name()));
    }
    this.priorityLabels = Map.copyOf(labels);
    this.wontDoLabel = wontDoLabel;
    this.users = users;
  }

  String wontDoLabel() {
    return wontDoLabel;
  }

  /** The configured labels, the common label, the key and the priority label. */
  List<String> labels(TicketDraft d) {
    Set<String> labels = new LinkedHashSet<>(d.labels());
    labels.add(GitLabTracker.COMMON_LABEL);
    labels.add(d.idempotencyKey());
    if (d.priority() != null) {
      labels.add(priorityLabels.get(d.priority()));
    }
    return List.copyOf(labels);
  }

  /** Labels an update of the labels takes away: other priorities and keys of older formats. */
  List<String> replacedLabels(TicketDraft d) {
    List<String> gone = new ArrayList<>(d.formerKeys());
    priorityLabels.forEach((p, label) -> {
      if (p != d.priority()) {
        gone.add(label);
      }
    });
    return gone;
  }

  TicketSnapshot snapshot(JsonNode issue, String key) {
    List<String> labels = new ArrayList<>();
    issue.path("labels").forEach(l -> labels.add(l.isTextual() ? l.asText() : l.path("name").asText()));
    String description = issue.path("description").isTextual() ? issue.get("description").asText() : null;
    // The marker and the key label agree unless a move to the current key form was interrupted:
    // the current form then wins, so that the next sync finishes the move.
    List<String> candidates = new ArrayList<>(labels);
    String marker = IssueDescriptions.key(description);
    if (marker != null) {
      candidates.add(0, marker);
    }
    Priority priority = null;
    for (Map.Entry<Priority, String> e : priorityLabels.entrySet()) {
      if (labels.contains(e.getValue())) {
        priority = e.getKey();
      }
    }
    JsonNode assignees = issue.path("assignees");
    String assignee = assignees.isArray() && !assignees.isEmpty() ? users.owner(assignees.get(0).path("username").asText()) : null;
    String updated = issue.path("updated_at").asText(null);
    return new TicketSnapshot(key, issue.path("web_url").asText(null), TicketKeys.pick(candidates), issue.path("title").asText(),
        IssueDescriptions.text(description), state(issue, labels), assignee, date(issue.path("due_date").asText(null)), priority,
        labels, instant(updated), updated);
  }

  /**
   * Closed is done, unless it carries the won't-do label or was closed as a duplicate
   * ({@code _links.closed_as_duplicate_of}, Issues API docs): GitLab keeps no close reason.
   */
  private TicketState state(JsonNode issue, List<String> labels) {
    if (!"closed".equals(issue.path("state").asText())) {
      return TicketState.OPEN;
    }
    boolean duplicate = issue.path("_links").path("closed_as_duplicate_of").isTextual();
    return labels.contains(wontDoLabel) || duplicate ? TicketState.WONT_DO : TicketState.DONE;
  }

  private static LocalDate date(String text) {
    try {
      return text == null ? null : LocalDate.parse(text);
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  private static Instant instant(String text) {
    try {
      return text == null ? null : java.time.OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
