package dev.followthrough.github;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.kohsuke.github.GHRepository;
import org.kohsuke.github.GHUser;
import org.kohsuke.github.GitHub;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which logins can be assigned in the repository. GitHub refuses a whole create (422, assignees
 * invalid) when one assignee is not an account with access to the repository, so each login is
 * checked first, with {@code GET /repos/{owner}/{repo}/assignees/{login}} (204 or 404; REST docs,
 * "Check if a user can be assigned"), and remembered for a few minutes: about once per run.
 */
final class GitHubAssignees {
  private static final Logger LOG = LoggerFactory.getLogger(GitHubAssignees.class);
  private static final Duration REMEMBERED = Duration.ofMinutes(10);

  private record Verdict(boolean assignable, Instant at) {}

  private final GitHub github;
  private final Clock clock;
  private final Map<String, Verdict> verdicts = new HashMap<>();

  GitHubAssignees(GitHub github, Clock clock) {
    this.github = github;
    this.clock = clock;
  }

  /** Whether the login can be assigned; a warning names the owner and the fix when it cannot. */
  boolean assignable(GHRepository repo, String owner, String login) throws IOException {
    String key = repo.getFullName() + "/" + login;
    Verdict v = verdicts.get(key);
    if (v == null || v.at().plus(REMEMBERED).isBefore(clock.instant())) {
      v = new Verdict(check(repo, login), clock.instant());
      verdicts.put(key, v);
      if (!v.assignable()) {
        LOG.warn("owner '{}' is not a GitHub account that can be assigned in {} (login '{}'); its issues stay unassigned"
            + " until tracker.users maps '{}' to an account with access to the repository", owner, repo.getFullName(),
            login, owner);
      }
    }
    return v.assignable();
  }

  private boolean check(GHRepository repo, String login) throws IOException {
    GHUser user;
    try {
      user = github.getUser(login);
    } catch (FileNotFoundException noSuchAccount) {
      return false;
    }
    return repo.hasAssignee(user);
  }
}
