package dev.followthrough.github;

import dev.followthrough.core.config.ConfigSection;
import dev.followthrough.core.config.TrackerSettings;
import dev.followthrough.core.model.TicketLink;
import dev.followthrough.core.tracker.TrackerProvider;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Serves {@code tracker.type: github}; its section is described by {@link GitHubSettings}. */
public final class GitHubTrackerProvider implements TrackerProvider {
  static final String TYPE = "github";
  private static final Pattern ISSUE_URL =
      Pattern.compile("https?://[^\\s/]+/([^\\s/]+/[^\\s/]+)/(?:issues|pull)/(\\d+)");
  // A bare "#123" in a ticket column is how GitHub users cite an issue of the same repository.
  private static final Pattern ISSUE_NUMBER = Pattern.compile("#(\\d+)\\b");

  @Override
  public String type() {
    return TYPE;
  }

  @Override
  public TrackerSettings read(ConfigSection section) {
    return GitHubSettings.read(section);
  }

  @Override
  public Optional<dev.followthrough.core.tracker.WebhookReceiver> webhooks(TrackerSettings settings) {
    return Optional.of(new GitHubWebhooks(((GitHubSettings) settings).repository()));
  }

  @Override
  public Optional<TicketLink> referenceIn(String text) {
    Matcher url = ISSUE_URL.matcher(text);
    if (url.find()) {
      return Optional.of(TicketLink.of(TYPE, url.group(2), url.group()));
    }
    Matcher number = ISSUE_NUMBER.matcher(text);
    return number.find() ? Optional.of(TicketLink.of(TYPE, number.group(1), null)) : Optional.empty();
  }

  @Override
  public java.util.List<dev.followthrough.core.tracker.Check> diagnose(TrackerSettings settings, java.time.Clock clock) {
    return new GitHubDoctor((GitHubSettings) settings, clock).run();
  }
}
