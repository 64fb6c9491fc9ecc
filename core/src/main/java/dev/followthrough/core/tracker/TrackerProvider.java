package dev.followthrough.core.tracker;

import dev.followthrough.core.config.ConfigSection;
import dev.followthrough.core.config.TrackerSettings;
import dev.followthrough.core.model.TicketLink;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;

/**
 * A tracker module's entry point, found through {@code META-INF/services} by the
 * {@code tracker.type} it serves, the way a JDBC driver is found by its URL. It owns its
 * configuration section: which keys exist, how they are checked, and the settings record they
 * become. Code that embeds Followthrough may build a tracker directly instead.
 */
public interface TrackerProvider {
  /** The {@code tracker.type} it serves. */
  String type();

  /**
   * Reads and checks its {@code tracker:} section, recording every problem in the section rather
   * than stopping at the first; the result is only used when there were none.
   */
  TrackerSettings read(ConfigSection section);

  /**
   * A reference to one of this tracker's tickets in a postmortem's ticket column (a key or an
   * issue URL), or empty when the text is not one.
   */
  default Optional<TicketLink> referenceIn(String text) {
    return Optional.empty();
  }

  /**
   * Checks, with read-only requests, that the tracker these settings name can be used: reachable,
   * credentials accepted, project or repository found, the permissions sync needs, the clock
   * against the tracker's. Never writes to the tracker and never puts a secret in a result. This
   * default checks nothing, and says so.
   *
   * @param clock this machine's clock, compared with the tracker's {@code Date} header
   */
  default List<Check> diagnose(TrackerSettings settings, java.time.Clock clock) {
    return List.of(Check.skipped("tracker", "the '" + type() + "' module offers no checks of its own"));
  }

  /**
   * Reads this tracker's webhook deliveries for settings it read, or empty when it sends none
   * that Followthrough understands.
   */
  default Optional<WebhookReceiver> webhooks(TrackerSettings settings) {
    return Optional.empty();
  }

  /** The provider for a type, among those on the class path. */
  static Optional<TrackerProvider> forType(String type) {
    return available().stream().filter(p -> p.type().equals(type)).findFirst();
  }

  static List<TrackerProvider> available() {
    return ServiceLoader.load(TrackerProvider.class).stream().map(ServiceLoader.Provider::get).toList();
  }
}
