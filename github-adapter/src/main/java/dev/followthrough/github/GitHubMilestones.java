package dev.followthrough.github;

import java.io.IOException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import org.kohsuke.github.GHIssueState;
import org.kohsuke.github.GHMilestone;
import org.kohsuke.github.GHRepository;

/**
 * One milestone per due date ("Due 2025-06-01"), because GitHub issues have no due-date field. The
 * list is cached per repository, and read again whenever a date is missing from it: another
 * process (or a person) may have made that milestone since, and GitHub refuses a second one with
 * the same title. A cached milestone someone deleted makes GitHub refuse the issue (422 on the
 * milestone field): {@link #forget()} then drops the cache, so a long-running schedule recovers.
 */
final class GitHubMilestones {
  private static final String PREFIX = "Due ";

  private final Map<String, Map<LocalDate, GHMilestone>> byRepository = new HashMap<>();

  /** The milestone for a due date, created with {@code due_on} at noon UTC so it never shifts a day. */
  GHMilestone forDate(GHRepository repo, LocalDate due) throws IOException {
    Map<LocalDate, GHMilestone> byDate = byRepository.get(repo.getFullName());
    if (byDate == null || !byDate.containsKey(due)) {
      byDate = list(repo);
      byRepository.put(repo.getFullName(), byDate);
    }
    GHMilestone m = byDate.get(due);
    if (m == null) {
      try {
        m = repo.createMilestone(PREFIX + due, "Postmortem action items due on " + due + " (Followthrough).");
      } catch (IOException refused) {
        // Made meanwhile by another process: GitHub answers 422 already_exists. Use that one.
        byDate = list(repo);
        byRepository.put(repo.getFullName(), byDate);
        m = byDate.get(due);
        if (m == null) {
          throw refused;
        }
        return m;
      }
      m.setDueOn(java.util.Date.from(due.atTime(12, 0).toInstant(ZoneOffset.UTC)));
      byDate.put(due, m);
    }
    return m;
  }

  /** Drops every cached list, after GitHub refused a milestone this cache held. */
  void forget() {
    byRepository.clear();
  }

  /** Whether GitHub refused a request for certain because of its milestone (422, field milestone). */
  static boolean refusedAsMissing(dev.followthrough.core.tracker.TrackerException e) {
    return e.httpStatus() == 422 && e.getMessage().contains("milestone");
  }

  private static Map<LocalDate, GHMilestone> list(GHRepository repo) throws IOException {
    Map<LocalDate, GHMilestone> found = new HashMap<>();
    for (GHMilestone m : repo.listMilestones(GHIssueState.ALL).toList()) {
      if (m.getTitle() != null && m.getTitle().startsWith(PREFIX)) {
        try {
          found.put(LocalDate.parse(m.getTitle().substring(PREFIX.length())), m);
        } catch (java.time.format.DateTimeParseException ignored) {
          // Someone else's milestone that happens to start with "Due ".
        }
      }
    }
    return found;
  }
}
