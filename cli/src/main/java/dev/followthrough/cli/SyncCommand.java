package dev.followthrough.cli;

import dev.followthrough.core.sync.SyncResult;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code sync}: reconciles the store with the tracker once. */
@Command(name = "sync", mixinStandardHelpOptions = true,
    description = {"Keep one ticket per action item in step with the tracker.",
        "Creates, updates and closes tickets, and pulls status and assignee back from the tracker.",
        "Where the tracker lists its changes, a re-sync reads only the tickets changed since the last one;"
            + " every linked ticket is read on the first sync, every sync.fullEvery (24h) and with --full.",
        "Exit code 1 when some items failed.", "", "Example: followthrough sync --config followthrough.yaml"})
final class SyncCommand implements Callable<Integer> {
  @Mixin ConfigOptions options;

  @Option(names = "--time-budget", paramLabel = "DURATION", defaultValue = "10m", converter = DurationConverter.class,
      description = "Stop starting new work after this long (default: ${DEFAULT-VALUE}); the rest is done by the next run.")
  Duration timeBudget;

  @Option(names = "--full", description = "Read every linked ticket (a full reconciliation), not only the changed ones.")
  boolean full;

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    SyncResult result;
    try (Workspace workspace = options.workspace()) {
      PrintWriter err = spec.commandLine().getErr();
      var builder = workspace.syncEngine(timeBudget);
      try (InterruptNotice notice = InterruptNotice.install(err, workspace.store(), workspace.tracker().type(),
          new ProgressPrinter(err))) {
        var engine = builder.listener(notice).build();
        result = full ? engine.syncFull() : engine.sync();
      }
    }
    out.println(result.mode().word() + " sync: " + result.summary());
    result.deleted().forEach(d -> out.println(d.describe()));
    out.flush();
    return result.succeeded() ? FollowthroughCli.OK : FollowthroughCli.WORK_FAILED;
  }
}
