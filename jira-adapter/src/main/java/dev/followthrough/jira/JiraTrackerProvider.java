package dev.followthrough.jira;

import dev.followthrough.core.config.ConfigSection;
import dev.followthrough.core.config.TrackerSettings;
import dev.followthrough.core.model.TicketLink;
import dev.followthrough.core.tracker.TrackerProvider;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Serves {@code tracker.type: jira}; its section is described by {@link JiraSettings}. */
public final class JiraTrackerProvider implements TrackerProvider {
  static final String TYPE = "jira";
  // A project key (uppercase letter first, up to ten characters) and an issue number: OPS-12.
  private static final Pattern ISSUE_KEY = Pattern.compile("\\b([A-Z][A-Z0-9_]{1,9}-\\d+)\\b");
  private static final Pattern URL = Pattern.compile("https?://[^\\s<>)]+");

  @Override
  public String type() {
    return TYPE;
  }

  @Override
  public TrackerSettings read(ConfigSection section) {
    return JiraSettings.read(section);
  }

  @Override
  public java.util.List<dev.followthrough.core.tracker.Check> diagnose(TrackerSettings settings, java.time.Clock clock) {
    return new JiraDoctor((JiraSettings) settings, clock).run();
  }

  @Override
  public Optional<dev.followthrough.core.tracker.WebhookReceiver> webhooks(TrackerSettings settings) {
    return Optional.of(new JiraWebhooks());
  }

  @Override
  public Optional<TicketLink> referenceIn(String text) {
    Matcher key = ISSUE_KEY.matcher(text);
    if (!key.find()) {
      return Optional.empty();
    }
    Matcher url = URL.matcher(text);
    return Optional.of(TicketLink.of(TYPE, key.group(1), url.find() ? url.group() : null));
  }
}
