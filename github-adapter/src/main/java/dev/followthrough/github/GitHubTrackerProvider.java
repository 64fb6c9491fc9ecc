package dev.followthrough.github;

import dev.followthrough.core.config.TrackerConfig;
import dev.followthrough.core.tracker.Tracker;
import dev.followthrough.core.tracker.TrackerProvider;

/** Serves {@code tracker.type: github} for the command line (a token, or a GitHub App). */
public final class GitHubTrackerProvider implements TrackerProvider {
  @Override
  public String type() {
    return "github";
  }

  @Override
  public Tracker create(TrackerConfig config) {
    GitHubTrackerBuilder builder = GitHubTracker.builder(config.repository()).users(config.users());
    if (config.appId() != null) {
      builder.appInstallation(config.appId(), config.privateKeyFile());
    } else {
      builder.token(config.token());
    }
    if (config.timeout() != null) {
      builder.requestTimeout(config.timeout());
    }
    if (config.searchLag() != null) {
      builder.listLag(config.searchLag());
    }
    if (config.url() != null) {
      builder.endpoint(config.url());
    }
    return builder.build();
  }
}
