package dev.followthrough.cli;

import dev.followthrough.core.sync.SyncPlan;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;

/** {@code plan}: prints exactly what {@code sync} would do, and does nothing. */
@Command(name = "plan", mixinStandardHelpOptions = true,
    description = {"Show what 'sync' would change, and change nothing.",
        "Neither the store nor the tracker is written.", "", "Example: followthrough plan --config followthrough.yaml"})
final class PlanCommand implements Callable<Integer> {
  @Mixin ConfigOptions options;

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    try (Workspace workspace = options.workspace()) {
      var engine = workspace.syncEngine(Duration.ofMinutes(10)).build();
      SyncPlan plan = engine.plan();
      spec.commandLine().getOut().print(plan.describe());
      // notify.beforeDue: the reminders the sync would post once its changes are made.
      engine.plannedDueReminders().forEach(r -> spec.commandLine().getOut().println(r.describe()));
    }
    spec.commandLine().getOut().flush();
    return FollowthroughCli.OK;
  }
}
