package dev.followthrough.core.config;

import dev.followthrough.core.policy.DueDatePolicy;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The whole configuration file: where the store is, which tracker to sync with, and the due-date
 * policy.
 *
 * @param tracker {@code null} when no tracker is configured (import and report still work)
 */
public record FollowthroughConfig(Path store, TrackerConfig tracker, DueDatePolicy policy) {
  public static final Path DEFAULT_STORE = Path.of(".followthrough");

  public FollowthroughConfig {
    store = store == null ? DEFAULT_STORE : store;
    policy = policy == null ? DueDatePolicy.standard() : policy;
  }

  public static FollowthroughConfig defaults() {
    return new FollowthroughConfig(null, null, null);
  }

  public Optional<TrackerConfig> trackerConfig() {
    return Optional.ofNullable(tracker);
  }
}
