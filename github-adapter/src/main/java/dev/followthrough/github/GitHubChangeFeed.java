package dev.followthrough.github;

import dev.followthrough.core.tracker.ChangeFeed;
import dev.followthrough.core.tracker.TicketSnapshot;
import dev.followthrough.core.tracker.TrackerException;
import dev.followthrough.core.tracker.TrackerException.Kind;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import org.kohsuke.github.GHDirection;
import org.kohsuke.github.GHIssue;
import org.kohsuke.github.GHIssueQueryBuilder;
import org.kohsuke.github.GHIssueState;
import org.kohsuke.github.GHRepository;

/**
 * The repository's Followthrough issues changed since an instant:
 * {@code GET /repos/{o}/{r}/issues?labels=followthrough&state=all&since=…&sort=updated&direction=asc&per_page=100},
 * pull requests left out (the list returns them too). The connector sends {@code If-None-Match}
 * with the ETag of the same URL's last answer, and GitHub's 304 costs no rate limit: the engine
 * keeps {@code since} the same while nothing changes, so an unchanged re-sync is one free request.
 * Pages are numbered, so an issue changed between two pages moves to the end and the issue that
 * slid onto a page already read is missed: a read that meets an issue twice is read again.
 */
final class GitHubChangeFeed implements ChangeFeed {
  static final int ATTEMPTS = 3;

  private final Supplier<GHRepository> repository;
  private final Function<GHIssue, TicketSnapshot> snapshot;
  private final String scope;
  private final Duration overlap;

  GitHubChangeFeed(Supplier<GHRepository> repository, Function<GHIssue, TicketSnapshot> snapshot, String scope,
      Duration overlap) {
    this.repository = repository;
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
    for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
      List<TicketSnapshot> read = readOnce(since);
      if (read != null) {
        return read;
      }
    }
    throw new TrackerException(GitHubErrors.TRACKER, Kind.TRANSIENT, 0, null, null,
        "the issues changed while their pages were read, " + ATTEMPTS + " times; the next sync reads them again", null);
  }

  private List<TicketSnapshot> readOnce(Instant since) {
    Map<String, TicketSnapshot> byKey = new LinkedHashMap<>();
    try {
      // since goes out to the second (YYYY-MM-DDTHH:MM:SSZ), rounded down: never later than asked.
      GHIssueQueryBuilder query = repository.get().queryIssues().label(GitHubTracker.COMMON_LABEL).state(GHIssueState.ALL)
          .since(Date.from(since)).sort(GHIssueQueryBuilder.Sort.UPDATED).direction(GHDirection.ASC)
          .pageSize(GitHubTracker.PAGE);
      for (GHIssue issue : query.list().toList()) {
        if (issue.isPullRequest()) {
          continue;
        }
        TicketSnapshot t = snapshot.apply(issue);
        if (byKey.put(t.key(), t) != null) {
          return null;
        }
      }
    } catch (IOException e) {
      throw GitHubErrors.convert(e, null, "listing changed issues");
    }
    List<TicketSnapshot> changed = new ArrayList<>(byKey.values());
    changed.sort(Comparator.comparing(TicketSnapshot::updatedAt, Comparator.nullsFirst(Comparator.naturalOrder()))
        .thenComparing(TicketSnapshot::key));
    return changed;
  }
}
