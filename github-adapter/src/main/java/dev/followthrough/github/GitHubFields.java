package dev.followthrough.github;

import dev.followthrough.core.model.Priority;
import dev.followthrough.core.model.TicketKeys;
import dev.followthrough.core.tracker.TicketDraft;
import dev.followthrough.core.tracker.TicketSnapshot;
import dev.followthrough.core.tracker.TicketState;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.kohsuke.github.GHIssue;
import org.kohsuke.github.GHIssueState;
import org.kohsuke.github.GHIssueStateReason;
import org.kohsuke.github.GHLabel;
import org.kohsuke.github.GHMilestone;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The field mapping between items and GitHub issues: labels (the common label, the key, the
 * priority), owners and logins, and an issue read back as a tracker-neutral snapshot.
 */
final class GitHubFields {
  private static final Logger LOG = LoggerFactory.getLogger(GitHubFields.class);

  private final Map<String, String> users;
  private final Map<String, String> ownersByLogin = new HashMap<>();
  private final String repository;

  GitHubFields(Map<String, String> users, String repository) {
    this.users = users;
    this.repository = repository;
    // Several owners may share one login: the login reads back as the first of them in
    // alphabetical order, whatever the map's order, so a re-read never looks like a reassignment.
    // The sync keeps an item's own owner while the ticket stays with that login.
    Map<String, java.util.SortedSet<String>> byLogin = new HashMap<>();
    users.forEach((owner, login) -> byLogin.computeIfAbsent(login.toLowerCase(java.util.Locale.ROOT),
        k -> new java.util.TreeSet<>()).add(owner));
    byLogin.forEach((login, owners) -> {
      ownersByLogin.put(login, owners.first());
      if (owners.size() > 1) {
        LOG.warn("tracker.users maps {} to the same GitHub login '{}'; an issue assigned to '{}' in GitHub reads back as"
            + " '{}'", owners, login, login, owners.first());
      }
    });
  }

  TicketSnapshot snapshot(GHIssue issue) {
    List<String> labels = issue.getLabels().stream().map(GHLabel::getName).toList();
    // The marker and the key label agree unless a move to the current key form was interrupted:
    // the current form then wins, so that the next sync finishes the move.
    String marker = IssueBodies.key(issue.getBody());
    List<String> candidates = new ArrayList<>(labels);
    if (marker != null) {
      candidates.add(0, marker);
    }
    String key = TicketKeys.pick(candidates);
    TicketState state = issue.getState() == GHIssueState.OPEN ? TicketState.OPEN
        : issue.getStateReason() == GHIssueStateReason.NOT_PLANNED ? TicketState.WONT_DO : TicketState.DONE;
    String assignee = issue.getAssignees().isEmpty() ? null : owner(issue.getAssignees().get(0).getLogin());
    GHMilestone m = issue.getMilestone();
    LocalDate due = m != null && m.getDueOn() != null ? LocalDate.ofInstant(m.getDueOn().toInstant(), ZoneOffset.UTC) : null;
    Priority priority = labels.stream().filter(l -> l.matches("P[1-4]")).findFirst().map(Priority::valueOf).orElse(null);
    Instant updated = null;
    try {
      updated = issue.getUpdatedAt() == null ? null : issue.getUpdatedAt().toInstant();
    } catch (IOException e) {
      // Only informational.
    }
    return new TicketSnapshot(IssueRefs.key(repository, issue), issue.getHtmlUrl() == null ? null : issue.getHtmlUrl().toString(),
        key, issue.getTitle(), IssueBodies.description(issue.getBody()), state, assignee, due, priority, labels, updated,
        updated == null ? null : updated.toString());
  }

  /** The configured labels, the common label, the key and the priority label. */
  static List<String> labels(TicketDraft d) {
    Set<String> labels = new LinkedHashSet<>(d.labels());
    labels.add(GitHubTracker.COMMON_LABEL);
    labels.add(d.idempotencyKey());
    if (d.priority() != null) {
      labels.add(d.priority().name());
    }
    return List.copyOf(labels);
  }

  /** Owner to login: the users map, else a handle is taken as the login; e-mail addresses need the map. */
  Optional<String> login(String owner) {
    if (owner == null) {
      return Optional.empty();
    }
    String handle = owner.startsWith("@") ? owner.substring(1) : owner;
    if (users.containsKey(handle)) {
      return Optional.of(users.get(handle));
    }
    if (handle.contains("@")) {
      LOG.warn("owner '{}' is an e-mail address with no GitHub login under tracker.users; the issue stays unassigned", handle);
      return Optional.empty();
    }
    return Optional.of(handle);
  }

  String owner(String login) {
    return ownersByLogin.getOrDefault(login.toLowerCase(java.util.Locale.ROOT), login);
  }
}
