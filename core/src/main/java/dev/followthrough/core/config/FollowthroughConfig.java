package dev.followthrough.core.config;

import dev.followthrough.core.policy.DueDatePolicy;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The whole configuration file: where the store is, which tracker to sync with, and the due-date
 * policy.
 *
 * @param tracker {@code null} when no tracker is configured (import and report still work)
 * @param notifications the {@code notify:} section, or {@code null} when reminders are not configured
 */
public record FollowthroughConfig(Path store, TrackerConfig tracker, DueDatePolicy policy, NotifyConfig notifications) {
  public static final Path DEFAULT_STORE = Path.of(".followthrough");

  public FollowthroughConfig {
    store = store == null ? DEFAULT_STORE : store;
    policy = policy == null ? DueDatePolicy.standard() : policy;
  }

  public FollowthroughConfig(Path store, TrackerConfig tracker, DueDatePolicy policy) {
    this(store, tracker, policy, null);
  }

  public static FollowthroughConfig defaults() {
    return new FollowthroughConfig(null, null, null, null);
  }

  public FollowthroughConfig withStore(Path newStore) {
    return new FollowthroughConfig(newStore, tracker, policy, notifications);
  }

  public Optional<TrackerConfig> trackerConfig() {
    return Optional.ofNullable(tracker);
  }
}
