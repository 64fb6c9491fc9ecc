package dev.followthrough.cli;

import dev.followthrough.core.Followthrough;
import dev.followthrough.core.config.FollowthroughConfig;
import dev.followthrough.core.config.TrackerSettings;
import dev.followthrough.core.importer.PostmortemImporter;
import dev.followthrough.core.notify.WebhookNotifier;
import dev.followthrough.core.store.ActionStore;
import dev.followthrough.core.sync.BeforeDue;
import dev.followthrough.core.sync.SyncEngine;
import dev.followthrough.core.sync.SyncOptions;
import dev.followthrough.core.tracker.Tracker;
import java.time.Duration;

/**
 * What a command works on: its configuration, and the store and tracker that names, each opened
 * here and only here, at most once per command, through the providers on the class path.
 */
final class Workspace implements AutoCloseable {
  private final FollowthroughConfig config;
  private ActionStore store;
  private Followthrough followthrough;
  private Tracker tracker;

  Workspace(FollowthroughConfig config) {
    this.config = config;
  }

  FollowthroughConfig config() {
    return config;
  }

  ActionStore store() {
    if (store == null) {
      store = config.store().open();
    }
    return store;
  }

  /** The facade over the store, with the configured policy; it knows no tracker. */
  Followthrough followthrough() {
    if (followthrough == null) {
      // The tracker section's conflict rule also settles a document line changed after a later record.
      var conflicts = config.trackerSettings().map(t -> t.basics().conflicts()).orElse(null);
      followthrough = Followthrough.builder().store(store()).policy(config.policy())
          .verification(config.verification()).syncOptions(SyncOptions.defaults().withConflicts(conflicts))
          .importer(PostmortemImporter.create().withLint(config.lint())).build();
    }
    return followthrough;
  }

  TrackerSettings trackerSettings() {
    return config.trackerSettings().orElseThrow(() -> new CommandFailedException(
        "no tracker is configured: add a 'tracker:' section to followthrough.yaml or pass --config FILE",
        FollowthroughCli.BAD_INPUT));
  }

  Tracker tracker() {
    if (tracker == null) {
      tracker = trackerSettings().open();
    }
    return tracker;
  }

  /** A sync engine on the store and tracker, with the tracker section's labels and conflict rule. */
  SyncEngine.Builder syncEngine(Duration timeBudget) {
    var basics = trackerSettings().basics();
    return SyncEngine.builder(store(), tracker()).options(SyncOptions.defaults().withLabels(basics.labels())
        .withConflicts(basics.conflicts()).withTimeBudget(timeBudget).withVerification(config.verification())
        .withFullEvery(config.sync().fullEvery()).withOverlap(config.sync().overlap())).beforeDue(beforeDue());
  }

  /** {@code notify.beforeDue}, with the chat webhook when one is configured. */
  private BeforeDue beforeDue() {
    var n = config.notifications();
    if (n == null || n.beforeDue().isEmpty()) {
      return BeforeDue.none();
    }
    n.requireResolved();
    return new BeforeDue(n.beforeDue(), n.webhook() == null ? null : WebhookNotifier.of(n.webhook()));
  }

  @Override
  public void close() {
    if (store != null) {
      store.close();
    }
  }
}
