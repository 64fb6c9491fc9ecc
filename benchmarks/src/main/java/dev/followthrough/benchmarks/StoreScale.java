package dev.followthrough.benchmarks;

import dev.followthrough.core.Followthrough;
import dev.followthrough.core.ImportSession;
import dev.followthrough.core.model.ActionItem;
import dev.followthrough.core.model.ItemStatus;
import dev.followthrough.core.model.Postmortem;
import dev.followthrough.core.model.Priority;
import dev.followthrough.core.report.GroupBy;
import dev.followthrough.core.report.ReportBuilder;
import dev.followthrough.core.report.ReportFormat;
import dev.followthrough.core.store.ActionStore;
import dev.followthrough.core.store.ItemQuery;
import dev.followthrough.core.store.StoredPostmortem;
import dev.followthrough.postgres.PostgresSettings;
import dev.followthrough.postgres.ThrowawayPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;

/**
 * The PostgreSQL store beside the directory store on the same data: {@code list --owner} (findItems),
 * the report over every item, and an import of 1,000 postmortem documents. Wall-clock times of
 * single calls (median of a few), since a 1,000,000-item call is far above JMH's resolution.
 *
 * <p>Arguments: postmortems, items per postmortem (default 1000 × 1000), and {@code postgres} to
 * measure that store alone; or {@code import} for the import measure alone. Needs PostgreSQL binaries, found as the tests find them.
 */
public final class StoreScale {
  static final int OWNERS = 1000;
  static final LocalDate BASE = LocalDate.parse("2025-01-01");
  static final int OPEN_PERCENT = Integer.getInteger("openPercent", 60);
  // CPU time of the importing thread, besides wall-clock time: steadier when other work shares the cores.
  static final java.lang.management.ThreadMXBean THREADS = java.lang.management.ManagementFactory.getThreadMXBean();

  private StoreScale() {}

  public static void main(String[] args) throws Exception {
    if (args.length > 0 && args[0].equals("import")) {
      ThrowawayPostgres pg = ThrowawayPostgres.shared();
      importDocuments(pg.settings(pg.createDatabase("scaleimport")), Files.createTempDirectory("followthrough-import"));
      return;
    }
    int postmortems = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
    int items = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
    System.out.printf("%d postmortems x %d items = %,d items (%d%% open), %d owners; %d cores, max heap %d MiB%n",
        postmortems, items, (long) postmortems * items, OPEN_PERCENT, OWNERS, Runtime.getRuntime().availableProcessors(),
        Runtime.getRuntime().maxMemory() >> 20);
    ThrowawayPostgres pg = ThrowawayPostgres.shared();
    Path dir = Files.createTempDirectory("followthrough-scale");
    try (ActionStore postgres = pg.settings(pg.createDatabase("scale")).open();
        ActionStore directory = ActionStore.directory(dir.resolve("store"))) {
      boolean postgresOnly = args.length > 2 && args[2].equals("postgres");
      for (ActionStore store : postgresOnly ? List.of(postgres) : List.of(postgres, directory)) {
        String name = store == postgres ? "postgres" : "directory";
        long start = System.nanoTime();
        for (int p = 0; p < postmortems; p++) {
          store.insert(postmortem(p, items));
        }
        System.out.printf("%-9s load %,d items: %.1f s%n", name, (long) postmortems * items, seconds(start));
        measure(name, store);
      }
      if (!postgresOnly) {
        importDocuments(pg.settings(pg.createDatabase("scaleimport")), dir);
      }
    }
  }

  /**
   * {@code -DopenPercent=N} of the items open (default 60: the three open statuses and the two
   * closed ones equally often), the rest done or won't do.
   */
  static ItemStatus status(int n) {
    ItemStatus[] open = {ItemStatus.OPEN, ItemStatus.IN_PROGRESS, ItemStatus.BLOCKED};
    ItemStatus[] closed = {ItemStatus.DONE, ItemStatus.WONT_DO};
    return Math.floorMod(n * 7919L, 100) < OPEN_PERCENT ? open[n % 3] : closed[n % 2];
  }

  /** Owner, status, priority and due date vary so that each owner has items in every postmortem. */
  static Postmortem postmortem(int p, int items) {
    List<ActionItem> list = new ArrayList<>(items);
    for (int i = 0; i < items; i++) {
      int n = p * items + i;
      list.add(ActionItem.open("item-" + i, "Fix the thing number " + i + " found in incident " + p)
          .withOwner("owner-" + (n % OWNERS)).withStatus(status(n))
          .withPriority(Priority.values()[n % Priority.values().length]).withDueDate(BASE.plusDays(n % 365)));
    }
    return new Postmortem(String.format("pm-%05d", p), "Incident " + p, null, null, null, null, list, null, null);
  }

  static void measure(String name, ActionStore store) {
    ItemQuery byOwner = ItemQuery.all().withOwner("@Owner-7");
    int[] found = new int[1];
    double list = median(() -> {
      found[0] = store.findItems(byOwner).size();
      return null;
    });
    System.out.printf("%-9s list --owner (findItems, %,d items): %.0f ms%n", name, found[0], list * 1000);
    ItemQuery open = ItemQuery.all().withStatuses(java.util.Set.of(ItemStatus.BLOCKED)).withPostmortemId("pm-00003");
    double narrow = median(() -> {
      found[0] = store.findItems(open).size();
      return null;
    });
    System.out.printf("%-9s list --postmortem --status (findItems, %,d items): %.0f ms%n", name, found[0], narrow * 1000);
    ReportBuilder builder = new ReportBuilder(LocalDate.parse("2025-07-01"), 7);
    var report = builder.build(store.reportData());
    double viaStore = median(() -> builder.build(store.reportData()));
    System.out.printf("%-9s report (reportData + build, %,d overdue, %,d due soon, %,d unowned): %.2f s%n", name,
        report.overdue().size(), report.dueSoon().size(), report.unowned().size(), viaStore);
    // What the CLI does next: write the report out (text grouped by owner, its default; and JSON).
    for (ReportFormat format : List.of(ReportFormat.TEXT, ReportFormat.JSON)) {
      int[] length = new int[1];
      double render = median(() -> length[0] = format.render(report, GroupBy.OWNER).length());
      System.out.printf("%-9s report written as %s (%,d characters): %.2f s%n", name, format, length[0], render);
    }
    long start = System.nanoTime();
    List<Postmortem> all = store.findAll().stream().map(StoredPostmortem::postmortem).toList();
    double read = seconds(start);
    start = System.nanoTime();
    builder.build(all);
    System.out.printf("%-9s report by reading every postmortem: findAll %.1f s + build %.1f s%n", name, read,
        seconds(start));
  }

  /** 1,000 Markdown documents of 10 items each, imported as the CLI's import command does. */
  static void importDocuments(PostgresSettings settings, Path dir) throws IOException {
    Path docs = Files.createDirectories(dir.resolve("docs"));
    for (int d = 0; d < 1000; d++) {
      StringBuilder doc = new StringBuilder("# Incident " + d + " in service " + d + "\n\n"
          + "- Duration: 2025-05-01 10:00 to 2025-05-01 11:00 (UTC)\n\n## Action items\n\n");
      for (int i = 0; i < 10; i++) {
        doc.append("- [ ] Item ").append(i).append(" of incident ").append(d).append(" owner: @owner-")
            .append((d + i) % OWNERS).append(" due: 2025-05-20\n");
      }
      Files.writeString(docs.resolve(String.format("incident-%04d.md", d)), doc);
    }
    try (ActionStore postgres = settings.open(); ActionStore directory = ActionStore.directory(dir.resolve("import"))) {
      for (ActionStore store : List.of(postgres, directory)) {
        ImportSession session = Followthrough.builder().store(store).build().importSession();
        String name = store == postgres ? "postgres" : "directory";
        long start = System.nanoTime();
        long cpuStart = THREADS.getCurrentThreadCpuTime();
        try (var files = Files.list(docs)) {
          int imported = 0;
          // One session, as the CLI's import command runs: the stored postmortems are read once for
          // recurrence detection. Progress every 100 documents, and a cap of 120 s.
          for (Path file : files.sorted().toList()) {
            session.importDocument(file);
            imported++;
            if (imported % 100 == 0) {
              System.out.printf("%-9s import: %d documents (10 items each) in %.1f s (this thread's CPU time %.1f s)%n",
                  name, imported, seconds(start), (THREADS.getCurrentThreadCpuTime() - cpuStart) / 1e9);
            }
            if (seconds(start) > 120) {
              System.out.printf("%-9s import: stopped at the 120 s cap after %d documents%n", name, imported);
              break;
            }
          }
        }
      }
    }
  }

  /** The median of five calls after one warm-up call. */
  static double median(Supplier<Object> call) {
    call.get();
    double[] times = new double[5];
    for (int i = 0; i < times.length; i++) {
      long start = System.nanoTime();
      call.get();
      times[i] = seconds(start);
    }
    Arrays.sort(times);
    return times[2];
  }

  static double seconds(long start) {
    return (System.nanoTime() - start) / 1e9;
  }
}
