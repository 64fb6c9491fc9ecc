package dev.followthrough.benchmarks;

import dev.followthrough.core.model.ActionItem;
import dev.followthrough.core.model.IncidentSummary;
import dev.followthrough.core.model.ItemStatus;
import dev.followthrough.core.model.Postmortem;
import dev.followthrough.core.model.Priority;
import dev.followthrough.core.report.OverdueReport;
import dev.followthrough.core.report.ReportBuilder;
import dev.followthrough.core.store.ActionStore;
import dev.followthrough.core.store.StoredPostmortem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/** The overdue report over 100,000 action items (2,000 postmortems of 50), and loading them. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(value = 1, jvmArgs = "-Xmx4g")
public class ReportBenchmark {
  static final int POSTMORTEMS = 2_000;
  static final int ITEMS_EACH = 50;

  private Path dir;
  private ActionStore store;
  private List<Postmortem> loaded;

  @Setup(Level.Trial)
  public void fillStore() throws IOException {
    dir = Files.createTempDirectory("followthrough-bench");
    store = ActionStore.directory(dir.resolve("store"));
    LocalDate day = LocalDate.of(2024, 1, 1);
    ItemStatus[] statuses = ItemStatus.values();
    for (int p = 0; p < POSTMORTEMS; p++) {
      List<ActionItem> items = new ArrayList<>();
      for (int i = 0; i < ITEMS_EACH; i++) {
        items.add(ActionItem.open("item-" + i, "Action item " + i + " of incident " + p)
            .withOwner(i % 7 == 0 ? null : "owner-" + (i % 40))
            .withPriority(Priority.values()[i % 4])
            .withStatus(statuses[(p + i) % statuses.length])
            .withDueDate(day.plusDays((p + i) % 700)));
      }
      Instant start = day.plusDays(p % 600).atStartOfDay().toInstant(java.time.ZoneOffset.UTC);
      store.insert(new Postmortem("pm-" + p, "Incident " + p, null,
          new IncidentSummary(null, start, start.plusSeconds(3600), null, null, null, null, null, null),
          null, null, items, null, null));
    }
    loaded = store.findAll().stream().map(StoredPostmortem::postmortem).toList();
  }

  @TearDown(Level.Trial)
  public void deleteStore() throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path f : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(f);
      }
    }
  }

  /** Computing the report once the items are in memory. */
  @Benchmark
  public OverdueReport computeReport() {
    return new ReportBuilder(LocalDate.of(2025, 6, 1), 7).build(loaded);
  }

  /** Reading all 100,000 items from the directory store. */
  @Benchmark
  public List<StoredPostmortem> loadStore() {
    return store.findAll();
  }
}
