package dev.followthrough.cli;

import dev.followthrough.core.config.Secret;
import dev.followthrough.core.config.TrackerSettings;
import dev.followthrough.core.sync.SyncResult;
import dev.followthrough.core.tracker.TrackerProvider;
import dev.followthrough.core.tracker.WebhookReceiver;
import dev.followthrough.server.FollowthroughServer;
import dev.followthrough.server.SyncQueue;
import dev.followthrough.server.WebhookIntake;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code serve}: the HTTP server: webhooks, the backstop sync, and the pages extensions add. */
@Command(name = "serve", mixinStandardHelpOptions = true,
    description = {"Serve webhooks and the dashboard over HTTP.",
        "Takes tracker webhooks at POST /webhooks/TRACKER and re-reads the tickets they name, runs an",
        "incremental sync every --every as a backstop, and serves the pages of installed extensions.",
        "Prints 'listening on http://HOST:PORT' once ready. Ctrl-C or SIGTERM let a running sync finish.",
        "A bind other than a loopback address needs serve.token (sent as 'Authorization: Bearer', or by signing in at /login).",
        "Syncs take the store's run lock: they never overlap 'sync' or 'schedule' on the same store."},
    footer = {"", "Example: followthrough serve --store .followthrough --port 8080 --every 15m", "",
        "Then open http://127.0.0.1:8080/ for the dashboard: overdue by owner and by team, due soon, unowned,",
        "verification due, recurrences, each postmortem's follow-through and each item's history; it updates",
        "by itself when the store changes. /api/report is 'report --format json'; /api/items?owner=O&status=S."})
final class ServeCommand implements Callable<Integer> {
  @Mixin ConfigOptions options;

  @Option(names = "--bind", paramLabel = "HOST", defaultValue = "127.0.0.1",
      description = "Address to listen on (default: ${DEFAULT-VALUE}); any other than loopback needs serve.token.")
  String bind;

  @Option(names = "--port", paramLabel = "PORT", defaultValue = "8080",
      description = "Port to listen on (default: ${DEFAULT-VALUE}); 0 picks a free one.")
  int port;

  @Option(names = "--every", paramLabel = "DURATION", defaultValue = "15m", converter = DurationConverter.class,
      description = "Run the backstop incremental sync this often (default: ${DEFAULT-VALUE}).")
  Duration every;

  @Option(names = "--time-budget", paramLabel = "DURATION", defaultValue = "10m", converter = DurationConverter.class,
      description = "Time budget of each sync (default: ${DEFAULT-VALUE}).")
  Duration timeBudget;

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws InterruptedException {
    if (port < 0 || port > 65535) {
      throw new CommandFailedException("--port must be 0 to 65535", FollowthroughCli.BAD_INPUT);
    }
    if (every.isZero() || every.isNegative()) {
      throw new CommandFailedException("--every must be positive", FollowthroughCli.BAD_INPUT);
    }
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    try (Workspace workspace = options.workspace()) {
      Secret token = workspace.config().serve().requireResolved().token();
      if (token == null && !FollowthroughServer.isLoopback(bind)) {
        throw new CommandFailedException("--bind " + bind + " is not a loopback address: set serve.token"
            + " (such as token: ${FOLLOWTHROUGH_SERVE_TOKEN}) in the config's serve: section", FollowthroughCli.BAD_INPUT);
      }
      workspace.store();
      FollowthroughServer.Builder builder = FollowthroughServer.builder(workspace.followthrough()).bind(bind, port).token(token)
          .lint(workspace.config().lint());
      Optional<TrackerSettings> tracker = workspace.config().trackerSettings();
      FollowthroughServer[] server = new FollowthroughServer[1];
      if (tracker.isPresent()) {
        workspace.tracker();
        SyncQueue queue = queue(workspace, out, err, server);
        builder.queue(queue);
        webhooks(workspace, tracker.get(), queue, builder, err);
      } else {
        err.println("followthrough: no tracker is configured: serving pages only, no webhooks and no sync");
      }
      server[0] = builder.build().start();
      return runUntilStopped(server[0], out, err);
    }
  }

  private SyncQueue queue(Workspace workspace, PrintWriter out, PrintWriter err, FollowthroughServer[] server) {
    TrackerSettings settings = workspace.trackerSettings();
    Duration lag = settings.basics().searchLag() == null ? Duration.ofMinutes(1) : settings.basics().searchLag();
    SyncQueue.Syncs syncs = new SyncQueue.Syncs() {
      @Override
      public SyncResult syncTickets(Set<String> keys) {
        return workspace.syncEngine(timeBudget).listener(new ProgressPrinter(err)).build().syncTickets(keys);
      }

      @Override
      public SyncResult syncChanged() {
        return workspace.syncEngine(timeBudget).listener(new ProgressPrinter(err)).build().sync();
      }
    };
    return SyncQueue.builder(syncs, workspace.store(), settings.basics().type(), Clock.systemUTC())
        .searchLag(Duration.ofSeconds(5), lag).backstop(every)
        .listener(turn -> {
          String what = turn.kind() == SyncQueue.Turn.Kind.BACKSTOP ? "backstop" : "webhook (" + String.join(", ", turn.keys()) + ")";
          if (turn.error() != null) {
            err.println("followthrough: " + what + " sync did not run: " + turn.error().getMessage() + "; tried again later");
            err.flush();
            return;
          }
          out.println(Instant.now() + " " + what + " " + turn.result().mode().word() + " sync: " + turn.result().summary());
          out.flush();
          if (server[0] != null) {
            server[0].storeMayHaveChanged();
          }
        }).build();
  }

  private static void webhooks(Workspace workspace, TrackerSettings settings, SyncQueue queue,
      FollowthroughServer.Builder builder, PrintWriter err) {
    String type = settings.basics().type();
    Optional<WebhookReceiver> receiver = TrackerProvider.forType(type).flatMap(p -> p.webhooks(settings));
    Secret secret = settings.basics().webhookSecret();
    if (receiver.isEmpty()) {
      err.println("followthrough: the '" + type + "' module takes no webhooks: only the backstop sync runs");
    } else if (secret == null) {
      String reason = "webhooks are off: set tracker.webhookSecret (such as ${FOLLOWTHROUGH_WEBHOOK_SECRET})";
      err.println("followthrough: " + reason + "; only the backstop sync runs");
      builder.webhooksOff(receiver.get().pathSegment(), reason);
    } else {
      builder.webhooks(new WebhookIntake(receiver.get(), secret, workspace.store(), Clock.systemUTC(), queue::offer));
    }
  }

  private static int runUntilStopped(FollowthroughServer server, PrintWriter out, PrintWriter err) throws InterruptedException {
    CountDownLatch stopped = new CountDownLatch(1);
    Thread hook = new Thread(() -> {
      err.println("followthrough: stopping after the current sync...");
      err.flush();
      server.close();
      stopped.countDown();
    }, "followthrough-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    out.println("listening on " + server.uri());
    out.flush();
    stopped.await();
    return FollowthroughCli.OK;
  }
}
