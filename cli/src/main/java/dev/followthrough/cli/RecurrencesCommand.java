package dev.followthrough.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.followthrough.core.json.JsonFormat;
import dev.followthrough.core.model.Postmortem;
import dev.followthrough.core.model.Recurrence;
import dev.followthrough.core.report.TextTable;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code recurrences}: lists the incidents recorded as likely repeats of earlier ones. */
@Command(footer = {"", "Example: followthrough recurrences --format text"}, name = "recurrences", mixinStandardHelpOptions = true,
    description = {"List the postmortems that likely repeat an earlier incident.",
        "Found on import; shows the score, the failure terms both share, and how the earlier",
        "incident's action items stood. Settle one with",
        "'recurrence confirm|dismiss PM_ID EARLIER_PM_ID'."})
final class RecurrencesCommand implements Callable<Integer> {
  enum Format { json, text }

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text", description = "json or text (default: ${DEFAULT-VALUE}).")
  Format format;

  @Mixin ConfigOptions options;

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    try (Workspace workspace = options.workspace()) {
      List<Postmortem> postmortems = workspace.followthrough().postmortems();
      if (format == Format.json) {
        JsonFormat json = JsonFormat.json();
        ObjectNode root = json.object();
        root.put("schemaVersion", JsonFormat.SCHEMA_VERSION);
        ArrayNode list = root.putArray("recurrences");
        for (Postmortem p : postmortems) {
          for (Recurrence r : p.recurrenceOf()) {
            list.add(json.recurrenceTree(p.id(), r));
          }
        }
        out.print(json.write(root));
      } else {
        TextTable table = new TextTable(60, "POSTMORTEM", "REPEATS", "SCORE", "STATUS", "SHARED TERMS",
            "EARLIER ITEMS (OPEN/DONE/EFFECTIVE)", "SETTLED BY");
        for (Postmortem p : postmortems) {
          for (Recurrence r : p.recurrenceOf()) {
            table.row(p.id(), r.postmortemId(), r.score(), r.status(), String.join(", ", r.sharedTerms()),
                r.earlierItems().open() + "/" + r.earlierItems().done() + "/" + r.earlierItems().verifiedEffective(),
                r.settledAt() == null ? "" : (r.settledBy() == null ? "" : r.settledBy() + " ") + r.settledAt());
          }
        }
        out.print(table.isEmpty() ? "No incident is recorded as a repeat of an earlier one.\n" : table.render());
      }
    }
    out.flush();
    return FollowthroughCli.OK;
  }
}
