package dev.followthrough.core.config;

import dev.followthrough.core.policy.DueDatePolicy;
import dev.followthrough.core.policy.VerificationPolicy;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The whole configuration file: where the store is, which tracker to sync with, the due-date
 * policy and reminders.
 *
 * @param store the store; the {@code .followthrough} directory when not configured
 * @param tracker {@code null} when no tracker is configured (import and report still work)
 * @param notifications the {@code notify:} section, or {@code null} when reminders are not configured
 * @param verification {@code policy.verifyDays} and {@code policy.ineffective}
 * @param sync the {@code sync:} section: full reconciliation period and incremental overlap
 * @param lint the {@code lint:} section: rule levels and team names
 * @param serve the {@code serve:} section; without one, no token
 */
public record FollowthroughConfig(StoreSettings store, TrackerSettings tracker, DueDatePolicy policy,
    NotifyConfig notifications, VerificationPolicy verification, SyncConfig sync,
    dev.followthrough.core.quality.LintSettings lint, ServeConfig serve) {
  public static final Path DEFAULT_STORE = Path.of(".followthrough");

  public FollowthroughConfig {
    store = store == null ? StoreSettings.directory(DEFAULT_STORE) : store;
    policy = policy == null ? DueDatePolicy.standard() : policy;
    verification = verification == null ? VerificationPolicy.standard() : verification;
    sync = sync == null ? SyncConfig.defaults() : sync;
    lint = lint == null ? dev.followthrough.core.quality.LintSettings.standard() : lint;
    serve = serve == null ? ServeConfig.none() : serve;
  }

  public FollowthroughConfig(StoreSettings store, TrackerSettings tracker, DueDatePolicy policy, NotifyConfig notifications,
      VerificationPolicy verification, SyncConfig sync) {
    this(store, tracker, policy, notifications, verification, sync, null, null);
  }

  public FollowthroughConfig(StoreSettings store, TrackerSettings tracker, DueDatePolicy policy,
      NotifyConfig notifications, VerificationPolicy verification) {
    this(store, tracker, policy, notifications, verification, null, null, null);
  }

  public FollowthroughConfig(StoreSettings store, TrackerSettings tracker, DueDatePolicy policy, NotifyConfig notifications) {
    this(store, tracker, policy, notifications, null, null);
  }

  public static FollowthroughConfig defaults() {
    return new FollowthroughConfig(null, null, null, null, null, null, null, null);
  }

  /**
   * Reads a configuration file, replacing {@code ${NAME}} by the environment variable NAME.
   *
   * @throws ConfigException naming the file and every problem in it
   */
  public static FollowthroughConfig load(Path file, java.util.function.Function<String, String> environment) {
    return new ConfigLoader(environment).load(file);
  }

  /** Reads configuration text; {@code name} names it in problems, as a file name would. */
  public static FollowthroughConfig parse(String yaml, String name, java.util.function.Function<String, String> environment) {
    return new ConfigLoader(environment).parse(yaml, name);
  }

  /** The same configuration with another store. */
  public FollowthroughConfig withStore(StoreSettings newStore) {
    return new FollowthroughConfig(newStore, tracker, policy, notifications, verification, sync, lint, serve);
  }

  public Optional<TrackerSettings> trackerSettings() {
    return Optional.ofNullable(tracker);
  }
}
