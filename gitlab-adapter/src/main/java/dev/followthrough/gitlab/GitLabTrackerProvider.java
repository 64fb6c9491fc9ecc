package dev.followthrough.gitlab;

import dev.followthrough.core.config.ConfigSection;
import dev.followthrough.core.config.TrackerSettings;
import dev.followthrough.core.model.TicketLink;
import dev.followthrough.core.tracker.TrackerProvider;
import dev.followthrough.core.tracker.WebhookReceiver;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Serves {@code tracker.type: gitlab}; its section is described by {@link GitLabSettings}. */
public final class GitLabTrackerProvider implements TrackerProvider {
  static final String TYPE = GitLabErrors.TRACKER;
  // https://gitlab.example.com/group/sub/project/-/issues/12 (the /-/ form since GitLab 12.x).
  private static final Pattern ISSUE_URL = Pattern.compile("https?://[^\\s/]+/((?:[^\\s/]+/)+?[^\\s/]+)/-/issues/(\\d+)");

  @Override
  public String type() {
    return TYPE;
  }

  @Override
  public TrackerSettings read(ConfigSection section) {
    return GitLabSettings.read(section);
  }

  @Override
  public Optional<WebhookReceiver> webhooks(TrackerSettings settings) {
    return Optional.of(new GitLabWebhooks(((GitLabSettings) settings).project()));
  }

  @Override
  public Optional<TicketLink> referenceIn(String text) {
    Matcher url = ISSUE_URL.matcher(text);
    // The issue's own project is not known here, so the key is qualified; a sync reads it there.
    return url.find() ? Optional.of(TicketLink.of(TYPE, url.group(1) + "#" + url.group(2), url.group())) : Optional.empty();
  }

  @Override
  public java.util.List<dev.followthrough.core.tracker.Check> diagnose(TrackerSettings settings, java.time.Clock clock) {
    return new GitLabDoctor((GitLabSettings) settings, clock).run();
  }
}
