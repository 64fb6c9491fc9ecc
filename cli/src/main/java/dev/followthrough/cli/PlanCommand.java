package dev.followthrough.cli;

import dev.followthrough.core.config.FollowthroughConfig;
import dev.followthrough.core.config.TrackerConfig;
import dev.followthrough.core.store.ActionStore;
import dev.followthrough.core.sync.SyncEngine;
import dev.followthrough.core.sync.SyncPlan;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;

/** {@code plan}: prints exactly what {@code sync} would do, and does nothing. */
@Command(name = "plan", mixinStandardHelpOptions = true,
    description = {"Show what 'sync' would change, without changing anything in the store or the tracker."})
final class PlanCommand implements Callable<Integer> {
  @Mixin ConfigOptions options;

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    FollowthroughConfig config = options.config();
    TrackerConfig trackerConfig = Trackers.config(config);
    SyncPlan plan = SyncEngine.builder(ActionStore.directory(config.store()), Trackers.open(trackerConfig))
        .options(Trackers.options(trackerConfig, Duration.ofMinutes(10))).build().plan();
    spec.commandLine().getOut().print(plan.describe());
    spec.commandLine().getOut().flush();
    return FollowthroughCli.OK;
  }
}
