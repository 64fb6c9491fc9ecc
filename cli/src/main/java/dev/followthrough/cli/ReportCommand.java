package dev.followthrough.cli;

import dev.followthrough.core.DocumentException;
import dev.followthrough.core.Followthrough;
import dev.followthrough.core.ImportSession;
import dev.followthrough.core.config.FollowthroughConfig;
import dev.followthrough.core.config.NotifyConfig;
import dev.followthrough.core.notify.Notifier;
import dev.followthrough.core.notify.NotifyResult;
import dev.followthrough.core.notify.TicketReminders;
import dev.followthrough.core.notify.WebhookNotifier;
import dev.followthrough.core.report.GroupBy;
import java.time.Duration;
import java.util.ArrayList;
import dev.followthrough.core.report.OverdueReport;
import dev.followthrough.core.report.ReportBuilder;
import dev.followthrough.core.report.ReportFormat;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code report [PATH...]}: overdue, due-soon and unowned action items. */
@Command(footer = {"", "Example: followthrough report postmortems/ --as-of 2026-11-24 --format markdown"}, 
    name = "report",
    mixinStandardHelpOptions = true,
    description = {
      "Report overdue, soon-due and unowned action items.",
      "PATHs (postmortem files or folders) are imported into the store first."
    })
final class ReportCommand implements Callable<Integer> {
  @Parameters(paramLabel = "PATH", arity = "0..*", description = "Postmortems to import before reporting.")
  List<Path> paths = List.of();

  @Option(names = "--as-of", paramLabel = "DATE", description = "Report as of this day, YYYY-MM-DD (default: today, UTC).")
  LocalDate asOf;

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
      description = "text, markdown, csv, json or html (default: ${DEFAULT-VALUE}).")
  String format;

  @Option(names = "--group-by", paramLabel = "G", defaultValue = "owner",
      description = "owner, postmortem or priority (default: ${DEFAULT-VALUE}).")
  String groupBy;

  @Option(names = "--due-soon-days", paramLabel = "N", defaultValue = "7",
      description = "How many days ahead count as due soon (default: ${DEFAULT-VALUE}).")
  int dueSoonDays;

  @Option(names = "--output", paramLabel = "FILE", description = "Write the report to FILE instead of standard output.")
  Path output;

  @Option(names = "--notify", description = {"Also send reminders as configured under notify: a comment on each",
      "overdue ticket (at most once per commentEvery) and the Markdown report to the webhook."})
  boolean notify;

  @Mixin ConfigOptions options;

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    ReportFormat reportFormat = choice(ReportFormat.class, format, "--format");
    GroupBy grouping = choice(GroupBy.class, groupBy, "--group-by");
    if (dueSoonDays < 0) {
      throw new CommandFailedException("--due-soon-days must not be negative", FollowthroughCli.BAD_INPUT);
    }
    PrintWriter err = spec.commandLine().getErr();
    FollowthroughConfig config = options.config();
    if (notify && config.notifications() == null) {
      throw new CommandFailedException("--notify needs a 'notify:' section in the configuration (webhook and/or comments)",
          FollowthroughCli.BAD_INPUT);
    }
    if (notify) {
      config.notifications().requireResolved();
    }
    try (Workspace workspace = new Workspace(config)) {
      Followthrough ft = workspace.followthrough();
      ImportSession session = ft.importSession();
      for (Path path : paths) {
        try {
          session.importPath(path).forEach(r -> r.diagnostics().stream()
              .filter(d -> d.severity() != dev.followthrough.core.model.Diagnostic.Severity.INFO)
              .forEach(d -> err.println(r.path() + (d.line() > 0 ? ":" + d.line() : "") + ": warning: " + d.message())));
        } catch (DocumentException e) {
          throw new CommandFailedException(e.getMessage(), FollowthroughCli.BAD_INPUT);
        }
      }
      LocalDate day = asOf != null ? asOf : LocalDate.now(ft.clock());
      // JSON prints whole items and reminders read their tickets' history: only they need every field.
      OverdueReport report = reportFormat == ReportFormat.JSON || notify ? ft.report(day, dueSoonDays)
          : new ReportBuilder(day, dueSoonDays).withLint(config.lint()).forPrinting().build(ft.store().reportData());
      // Colour only for a person at a terminal: not in files, pipes, or when NO_COLOR is set.
      boolean colour = reportFormat == ReportFormat.TEXT && output == null && System.console() != null
          && System.getenv("NO_COLOR") == null && !"dumb".equals(System.getenv("TERM"));
      String text = colour ? ReportFormat.colouredText(report, grouping) : reportFormat.render(report, grouping);
      if (output == null) {
        PrintWriter out = spec.commandLine().getOut();
        out.print(text);
        out.flush();
      } else {
        try {
          Files.writeString(output, text, StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
          // A path the user typed is bad input, not a fault of ours.
          Path parent = output.toAbsolutePath().getParent();
          String why = parent != null && !Files.isDirectory(parent) ? "no such directory" : "cannot be written";
          throw new CommandFailedException(output + ": " + why, FollowthroughCli.BAD_INPUT);
        }
        err.println("followthrough: report written to " + output);
      }
      if (notify) {
        return sendNotifications(workspace, report, grouping, err);
      }
    }
    return FollowthroughCli.OK;
  }

  private int sendNotifications(Workspace workspace, OverdueReport report, GroupBy grouping, PrintWriter err) {
    NotifyConfig n = workspace.config().notifications();
    Followthrough ft = workspace.followthrough();
    List<Notifier> notifiers = new ArrayList<>();
    if (n.comments()) {
      notifiers.add(new TicketReminders(ft.store(), workspace.tracker(), ft.clock(), n.commentEvery()));
    }
    if (n.webhook() != null) {
      notifiers.add(new WebhookNotifier(n.webhook(), java.net.http.HttpClient.newBuilder()
          .connectTimeout(Duration.ofSeconds(10)).build(), Duration.ofSeconds(30), grouping));
    }
    boolean failed = false;
    for (Notifier notifier : notifiers) {
      NotifyResult r = notifier.send(report);
      err.println("followthrough: " + r.notifier() + ": " + r.sent() + " sent, " + r.skipped() + " skipped");
      r.failures().forEach(f -> err.println("followthrough: " + f));
      failed |= !r.succeeded();
    }
    err.flush();
    return failed ? FollowthroughCli.WORK_FAILED : FollowthroughCli.OK;
  }

  private static <E extends Enum<E>> E choice(Class<E> type, String value, String option) {
    for (E constant : type.getEnumConstants()) {
      if (constant.name().equalsIgnoreCase(value)) {
        return constant;
      }
    }
    throw new CommandFailedException("invalid value for " + option + ": '" + value + "' (expected "
        + String.join(", ", java.util.Arrays.stream(type.getEnumConstants()).map(c -> c.name().toLowerCase()).toList())
        + ")", FollowthroughCli.BAD_INPUT);
  }
}
