package dev.followthrough.core.tracker;

import dev.followthrough.core.config.TrackerConfig;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;

/**
 * Maps a configuration's {@code tracker.type} to an adapter, the way a JDBC driver maps a URL.
 * Adapters register one through {@code META-INF/services}; the CLI uses it. Code that embeds
 * Followthrough builds its tracker directly instead.
 */
public interface TrackerProvider {
  /** The {@code tracker.type} it serves, such as {@code jira}. */
  String type();

  /**
   * Builds the tracker from the validated configuration.
   *
   * @throws dev.followthrough.core.ValidationException when settings this adapter needs are wrong
   */
  Tracker create(TrackerConfig config);

  /** The provider for a type, among those on the class path. */
  static Optional<TrackerProvider> forType(String type) {
    return available().stream().filter(p -> p.type().equals(type)).findFirst();
  }

  static List<TrackerProvider> available() {
    return ServiceLoader.load(TrackerProvider.class).stream().map(ServiceLoader.Provider::get).toList();
  }
}
