package dev.followthrough.cli;

import dev.followthrough.core.sync.SyncResult;
import dev.followthrough.core.sync.SyncScheduler;
import dev.followthrough.core.sync.Trigger;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code schedule}: syncs on a cron expression or an interval until stopped. */
@Command(footer = {"", "Example: followthrough schedule --every 15m --jitter 1m"}, name = "schedule", mixinStandardHelpOptions = true,
    description = {"Run 'sync' on a schedule until stopped.",
        "With --every the first run starts at once; with --cron at the next matching minute.",
        "Ctrl-C or SIGTERM let a running sync finish. A run skipped because another holds the store does not count",
        "toward --max-runs.",
        "Runs never overlap, also not with other processes using the same store."})
final class ScheduleCommand implements Callable<Integer> {
  static final class When {
    @Option(names = "--cron", paramLabel = "EXPR", required = true,
        description = "Five-field cron expression in UTC, e.g. '0 * * * *' for hourly.")
    String cron;

    @Option(names = "--every", paramLabel = "DURATION", required = true, converter = DurationConverter.class,
        description = "Fixed interval, e.g. 15m or 1h.")
    Duration every;
  }

  @ArgGroup(exclusive = true, multiplicity = "1")
  When when;

  @Option(names = "--jitter", paramLabel = "DURATION", defaultValue = "0s", converter = DurationConverter.class,
      description = "Start each run up to this much later, at random (default: ${DEFAULT-VALUE}).")
  Duration jitter;

  @Option(names = "--time-budget", paramLabel = "DURATION", defaultValue = "10m", converter = DurationConverter.class,
      description = "Time budget of each run (default: ${DEFAULT-VALUE}).")
  Duration timeBudget;

  @Option(names = "--max-runs", paramLabel = "N", description = "Stop after N runs (default: run until stopped).")
  Integer maxRuns;

  @Mixin ConfigOptions options;

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws InterruptedException {
    if (maxRuns != null && maxRuns < 1) {
      // Before the configuration is read: a usage error is told first.
      throw new CommandFailedException("--max-runs must be at least 1", FollowthroughCli.BAD_INPUT);
    }
    try (Workspace workspace = options.workspace()) {
      workspace.tracker();
      workspace.store();
      return schedule(workspace);
    }
  }

  private int schedule(Workspace workspace) throws InterruptedException {
    Trigger trigger = when.cron != null ? Trigger.cron(when.cron) : Trigger.every(when.every);
    if (maxRuns != null && maxRuns < 1) {
      throw new CommandFailedException("--max-runs must be at least 1", FollowthroughCli.BAD_INPUT);
    }
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    AtomicInteger runs = new AtomicInteger();
    AtomicInteger failedRuns = new AtomicInteger();
    SyncScheduler[] holder = new SyncScheduler[1];
    SyncScheduler scheduler = SyncScheduler.builder(() -> workspace.syncEngine(timeBudget).listener(new ProgressPrinter(err)).build(), trigger)
        .jitter(jitter)
        // An interval has no clock time of its own: the first run is now, the next one an interval later.
        .runAtStart(when.every != null)
        .listener(new SyncScheduler.Listener() {
          @Override
          public void waiting(Instant nextRun) {
            err.println("followthrough: next sync at " + nextRun);
            err.flush();
          }

          @Override
          public void finished(SyncResult result) {
            out.println(Instant.now() + " " + result.mode().word() + " sync: " + result.summary());
            out.flush();
            if (!result.succeeded()) {
              failedRuns.incrementAndGet();
            }
            countRun();
          }

          @Override
          public void skipped(String reason) {
            // A skipped run did no work: it does not count toward --max-runs.
            err.println("followthrough: skipped a run: " + reason);
            err.flush();
          }

          @Override
          public void failed(RuntimeException error) {
            err.println("followthrough: sync failed: " + error.getMessage());
            err.flush();
            failedRuns.incrementAndGet();
            countRun();
          }

          private void countRun() {
            if (maxRuns != null && runs.incrementAndGet() >= maxRuns) {
              holder[0].stop();
            }
          }
        })
        .build();
    holder[0] = scheduler;
    Thread hook = new Thread(() -> {
      err.println("followthrough: stopping after the current run...");
      err.flush();
      try {
        scheduler.stopAndWait(Duration.ofMinutes(5));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }, "followthrough-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    try {
      scheduler.start();
      while (!scheduler.awaitStopped(Duration.ofHours(1))) {
        // Keeps the command in the foreground until the scheduler stops.
      }
    } finally {
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException e) {
        // The JVM is already shutting down; the hook is running.
      }
    }
    return failedRuns.get() == 0 ? FollowthroughCli.OK : FollowthroughCli.WORK_FAILED;
  }
}
