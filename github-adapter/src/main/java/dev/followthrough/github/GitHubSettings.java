package dev.followthrough.github;

import dev.followthrough.core.config.ConfigSection;
import dev.followthrough.core.config.Secret;
import dev.followthrough.core.config.TrackerBasics;
import dev.followthrough.core.config.TrackerSettings;
import dev.followthrough.core.tracker.Tracker;
import java.net.URI;
import java.nio.file.Path;
import java.util.Set;

/**
 * The {@code tracker:} section for {@code type: github}:
 *
 * <pre>{@code
 * tracker:
 *   type: github
 *   repository: acme/ops
 *   token: ${GITHUB_TOKEN}        # or a GitHub App:
 *   # appId: '123456'
 *   # privateKeyFile: /run/secrets/app.pem
 *   url: https://api.github.com   # default; GitHub Enterprise Server: https://HOST/api/v3
 * }</pre>
 *
 * plus the keys every tracker has ({@link TrackerBasics}); {@code searchLag} is how long a new
 * issue may be missing from the repository's issue list.
 */
public record GitHubSettings(TrackerBasics basics, URI url, String repository, Secret token, String appId,
    Path privateKeyFile) implements TrackerSettings {
  static final Set<String> KEYS = TrackerBasics.keysWith("url", "repository", "token", "appId", "privateKeyFile");
  private static final URI PUBLIC_API = URI.create("https://api.github.com");

  /** Reads a section, recording every problem in it. */
  static GitHubSettings read(ConfigSection section) {
    section.allowOnly(KEYS);
    URI url = section.has("url") ? section.url("url", "https://api.github.com") : PUBLIC_API;
    String repository = section.text("repository");
    if (repository == null) {
      section.problem("repository", "must be given for GitHub (owner/name)");
    } else if (!repository.matches("[\\w.-]+/[\\w.-]+")) {
      section.problem("repository", "'" + repository + "' must look like owner/name");
    }
    boolean app = section.has("appId") || section.has("privateKeyFile");
    if (app && !(section.has("appId") && section.has("privateKeyFile"))) {
      section.problem("appId", "a GitHub App needs both appId and privateKeyFile");
    } else if (!app) {
      section.required("token");
    }
    return new GitHubSettings(TrackerBasics.read(section), url, repository, section.secret("token"),
        section.text("appId"), section.path("privateKeyFile"));
  }

  @Override
  public Tracker open() {
    GitHubTrackerBuilder builder = GitHubTracker.builder(repository).users(basics.users());
    if (appId != null) {
      builder.appInstallation(appId, privateKeyFile);
    } else {
      builder.token(token);
    }
    if (basics.timeout() != null) {
      builder.requestTimeout(basics.timeout());
    }
    if (basics.searchLag() != null) {
      builder.listLag(basics.searchLag());
    }
    if (url != null) {
      builder.endpoint(url);
    }
    return builder.build();
  }
}
