package dev.followthrough.core.testing;

import dev.followthrough.core.config.ConfigSection;
import dev.followthrough.core.config.Secret;
import dev.followthrough.core.config.TrackerBasics;
import dev.followthrough.core.config.TrackerSettings;
import dev.followthrough.core.model.TicketLink;
import dev.followthrough.core.tracker.InMemoryTracker;
import dev.followthrough.core.tracker.Tracker;
import dev.followthrough.core.tracker.TrackerProvider;
import java.net.URI;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A tracker module as core's tests see one: {@code type: example}, with a required url and token,
 * recognising keys such as {@code OPS-12} in ticket columns. Core itself knows no tracker.
 */
public final class ExampleTrackerProvider implements TrackerProvider {
  private static final Pattern KEY = Pattern.compile("\\b([A-Z][A-Z0-9]{1,9}-\\d+)\\b");

  /** What the section becomes. */
  public record ExampleSettings(TrackerBasics basics, URI url, Secret token, String project) implements TrackerSettings {
    @Override
    public Tracker open() {
      return InMemoryTracker.builder().type("example").build();
    }
  }

  @Override
  public String type() {
    return "example";
  }

  @Override
  public TrackerSettings read(ConfigSection section) {
    section.allowOnly(TrackerBasics.keysWith("url", "token", "project"));
    URI url = section.url("url", "https://tracker.example.com");
    section.required("url");
    return new ExampleSettings(TrackerBasics.read(section), url, section.secret("token"), section.required("project"));
  }

  @Override
  public Optional<TicketLink> referenceIn(String text) {
    Matcher key = KEY.matcher(text);
    return key.find() ? Optional.of(TicketLink.of("example", key.group(1), null)) : Optional.empty();
  }
}
