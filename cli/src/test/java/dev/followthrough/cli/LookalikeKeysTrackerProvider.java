package dev.followthrough.cli;

import dev.followthrough.core.config.ConfigSection;
import dev.followthrough.core.config.TrackerBasics;
import dev.followthrough.core.config.TrackerSettings;
import dev.followthrough.core.model.TicketLink;
import dev.followthrough.core.tracker.InMemoryTracker;
import dev.followthrough.core.tracker.Tracker;
import dev.followthrough.core.tracker.TrackerProvider;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An extension module whose ticket keys have Jira's form ({@code OPS-412}), as many trackers'
 * do, and whose type sorts before {@code jira}: it is installed beside the real modules in every
 * CLI test, so a ticket cell that only the first reading module keeps is caught in each build.
 */
public final class LookalikeKeysTrackerProvider implements TrackerProvider {
  private static final Pattern KEY = Pattern.compile("\\b([A-Z][A-Z0-9]{1,9}-\\d+)\\b");

  record Settings(TrackerBasics basics) implements TrackerSettings {
    @Override
    public Tracker open() {
      return InMemoryTracker.builder().type("alpha-keys").build();
    }
  }

  @Override
  public String type() {
    return "alpha-keys";
  }

  @Override
  public TrackerSettings read(ConfigSection section) {
    section.allowOnly(TrackerBasics.keysWith());
    return new Settings(TrackerBasics.read(section));
  }

  @Override
  public Optional<TicketLink> referenceIn(String text) {
    Matcher key = KEY.matcher(text);
    return key.find() ? Optional.of(TicketLink.of("alpha-keys", key.group(1), null)) : Optional.empty();
  }
}
