package dev.followthrough.samples;

import dev.followthrough.core.Followthrough;
import dev.followthrough.core.report.GroupBy;
import dev.followthrough.core.report.OverdueReport;
import dev.followthrough.core.report.ReportFormat;
import dev.followthrough.core.store.ActionStore;
import dev.followthrough.core.sync.SyncResult;
import dev.followthrough.core.tracker.InMemoryTracker;
import dev.followthrough.core.tracker.Tracker;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.LocalDate;

/**
 * Embedding with plain builders: import a folder of postmortems, sync their action items to a
 * tracker, print the overdue report.
 *
 * <p>Run with {@code java -cp … dev.followthrough.samples.PlainJavaExample [POSTMORTEMS] [AS-OF]}.
 * It uses the in-memory store and tracker so that it runs anywhere; swap in {@code
 * ActionStore.directory(...)} and a {@code JiraTracker} or {@code GitHubTracker} for real use.
 */
public final class PlainJavaExample {
  private PlainJavaExample() {}

  public static void main(String[] args) {
    Path postmortems = Path.of(args.length > 0 ? args[0] : "samples/postmortems");
    LocalDate asOf = args.length > 1 ? LocalDate.parse(args[1]) : LocalDate.now();
    run(postmortems, asOf, System.out);
  }

  static SyncResult run(Path postmortems, LocalDate asOf, PrintStream out) {
    Tracker tracker = InMemoryTracker.builder().type("demo").build();
    try (Followthrough ft = Followthrough.builder().store(ActionStore.inMemory()).tracker(tracker).build()) {
      ft.importPath(postmortems).forEach(r -> out.println("imported " + r.postmortemId() + " (" + r.added() + " items)"));
      out.print(ft.plan("demo").describe());
      SyncResult result = ft.sync("demo");
      out.println("sync: " + result.summary());
      OverdueReport report = ft.report(asOf);
      out.print(ReportFormat.MARKDOWN.render(report, GroupBy.OWNER));
      return result;
    }
  }
}
