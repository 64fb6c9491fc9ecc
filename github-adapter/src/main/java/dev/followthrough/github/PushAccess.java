package dev.followthrough.github;

import dev.followthrough.core.tracker.TrackerException;
import dev.followthrough.core.tracker.TrackerException.Kind;
import java.io.IOException;
import org.kohsuke.github.GHRepository;
import org.kohsuke.github.GitHub;

/** Opens the repository, refusing a token that can read it but not push to it. */
final class PushAccess {
  private PushAccess() {}

  static GHRepository open(GitHub github, String repositoryName) {
    GHRepository opened;
    try {
      opened = github.getRepository(repositoryName);
    } catch (IOException e) {
      throw GitHubErrors.convert(e, null, "opening repository " + repositoryName);
    }
    // Without push access GitHub silently drops labels, assignees and milestones on a create
    // (TRACKER-APIS.md), and with the labels the key every lookup relies on: refuse to start.
    // A repository answer without permissions (some App tokens) says nothing, so it is let through.
    if (opened.hasPullAccess() && !opened.hasPushAccess()) {
      throw new TrackerException(GitHubErrors.TRACKER, Kind.AUTH, 403, null, null, "the token can read " + repositoryName
          + " but has no push access, so GitHub would silently drop the labels, assignees and milestones of every"
          + " issue made, and with them the key that keeps one issue per item; give the account write access to the"
          + " repository", null);
    }
    return opened;
  }
}
