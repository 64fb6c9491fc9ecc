package dev.followthrough.cli;

import dev.followthrough.core.DocumentException;
import dev.followthrough.core.Followthrough;
import dev.followthrough.core.report.GroupBy;
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
@Command(
    name = "report",
    mixinStandardHelpOptions = true,
    description = {
      "Report overdue action items, items due soon and items without an owner.",
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
    try (Followthrough ft = options.open()) {
      for (Path path : paths) {
        try {
          ft.importPath(path).forEach(r -> r.diagnostics().stream()
              .filter(d -> d.severity() != dev.followthrough.core.model.Diagnostic.Severity.INFO)
              .forEach(d -> err.println(r.path() + (d.line() > 0 ? ":" + d.line() : "") + ": warning: " + d.message())));
        } catch (DocumentException e) {
          throw new CommandFailedException(e.getMessage(), FollowthroughCli.BAD_INPUT);
        }
      }
      LocalDate day = asOf != null ? asOf : LocalDate.now(ft.clock());
      OverdueReport report = new ReportBuilder(day, dueSoonDays).build(ft.postmortems());
      String text = reportFormat.render(report, grouping);
      if (output == null) {
        PrintWriter out = spec.commandLine().getOut();
        out.print(text);
        out.flush();
      } else {
        Files.writeString(output, text, StandardCharsets.UTF_8);
        err.println("followthrough: report written to " + output);
      }
    }
    return FollowthroughCli.OK;
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
