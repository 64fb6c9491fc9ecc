package dev.followthrough.cli;

import dev.followthrough.core.config.FollowthroughConfig;
import dev.followthrough.core.config.TrackerConfig;
import dev.followthrough.core.sync.SyncOptions;
import dev.followthrough.core.tracker.Tracker;
import dev.followthrough.core.tracker.TrackerProvider;
import java.time.Duration;

/** Builds the configured tracker through the adapters found on the class path. */
final class Trackers {
  private Trackers() {}

  static TrackerConfig config(FollowthroughConfig config) {
    return config.trackerConfig().orElseThrow(() -> new CommandFailedException(
        "no tracker is configured: add a 'tracker:' section to followthrough.yaml or pass --config FILE",
        FollowthroughCli.BAD_INPUT));
  }

  static Tracker open(TrackerConfig config) {
    TrackerProvider provider = TrackerProvider.forType(config.type()).orElseThrow(() -> {
      var available = TrackerProvider.available().stream().map(TrackerProvider::type).sorted().toList();
      return new CommandFailedException("tracker type '" + config.type() + "' is not available in this build"
          + (available.isEmpty() ? " (no tracker adapter is installed yet)" : " (available: " + String.join(", ", available) + ")"),
          FollowthroughCli.BAD_INPUT);
    });
    return provider.create(config);
  }

  static SyncOptions options(TrackerConfig config, Duration timeBudget) {
    return SyncOptions.defaults().withLabels(config.labels()).withConflicts(config.conflicts()).withTimeBudget(timeBudget);
  }
}
