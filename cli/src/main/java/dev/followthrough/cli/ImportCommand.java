package dev.followthrough.cli;

import dev.followthrough.core.DocumentException;
import dev.followthrough.core.ImportSession;
import dev.followthrough.core.ImportResult;
import dev.followthrough.core.importer.PostmortemImporter;
import dev.followthrough.core.model.Diagnostic;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code import PATH...}: reads documents into the store, applying the due-date policy. */
@Command(footer = {"", "Example: followthrough import postmortems/ --store .followthrough"}, 
    name = "import",
    mixinStandardHelpOptions = true,
    description = {
      "Import postmortems into the store.",
      "PATHs are files, or folders of .md and .txt files.",
      "Items without a priority or due date get them from the due-date policy.",
      "Importing an edited document again updates its items in place."
    })
final class ImportCommand implements Callable<Integer> {
  @Parameters(paramLabel = "PATH", arity = "1..*", description = "Postmortem files or folders.")
  List<Path> paths;

  @Mixin ConfigOptions options;

  @Option(names = {"-v", "--verbose"}, description = "Also print informational diagnostics.")
  boolean verbose;

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    int failed = 0;
    // Every path is listed first, so that the bar knows how many documents there are.
    List<Map.Entry<Path, Object>> found = new ArrayList<>();
    for (Path path : paths) {
      try {
        found.add(Map.entry(path, PostmortemImporter.create().documents(path)));
      } catch (DocumentException e) {
        found.add(Map.entry(path, e));
      }
    }
    int total = found.stream().mapToInt(f -> f.getValue() instanceof List<?> list ? list.size() : 0).sum();
    ImportProgress progress = new ImportProgress(err, Terminal.current().progressBar(), total);
    try (Workspace workspace = options.workspace()) {
      ImportSession session = workspace.followthrough().importSession();
      for (Map.Entry<Path, Object> entry : found) {
        if (entry.getValue() instanceof DocumentException e) {
          progress.beforeLine();
          err.println("followthrough: " + e.getMessage());
          failed++;
          continue;
        }
        @SuppressWarnings("unchecked")
        List<Path> documents = (List<Path>) entry.getValue();
        if (documents.isEmpty()) {
          progress.beforeLine();
          err.println("followthrough: " + entry.getKey() + ": no .md or .txt documents found");
          failed++;
        }
        // Each line is printed once the document's batch is durable in the store.
        int[] failures = {0};
        session.importDocuments(documents, outcome -> {
          progress.beforeLine();
          if (outcome.failure() != null) {
            err.println("followthrough: " + outcome.failure().getMessage());
            failures[0]++;
          } else {
            printDiagnostics(err, outcome.result());
            out.println(describe(outcome.result()));
            out.flush();
          }
          progress.documentDone();
        });
        failed += failures[0];
      }
    }
    out.flush();
    if (failed > 0) {
      throw new CommandFailedException(failed + (failed == 1 ? " document" : " documents") + " could not be imported",
          FollowthroughCli.BAD_INPUT);
    }
    return FollowthroughCli.OK;
  }

  private void printDiagnostics(PrintWriter err, ImportResult r) {
    for (Diagnostic d : r.diagnostics()) {
      if (verbose || d.severity() != Diagnostic.Severity.INFO) {
        err.println(r.path() + (d.line() > 0 ? ":" + d.line() : "") + ": "
            + d.severity().name().toLowerCase() + ": " + d.message());
      }
    }
  }

  private static String describe(ImportResult r) {
    if (r.created()) {
      return "imported " + r.path() + " as " + r.postmortemId() + ": " + r.added() + " action items";
    }
    return "updated " + r.postmortemId() + " from " + r.path() + ": " + r.added() + " new, " + r.changed()
        + " changed, " + r.unchanged() + " unchanged" + (r.missing() > 0 ? ", " + r.missing()
        + " no longer in the document (flagged)" : "");
  }
}
