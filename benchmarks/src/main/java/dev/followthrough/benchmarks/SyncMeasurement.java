package dev.followthrough.benchmarks;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import dev.followthrough.core.model.ActionItem;
import dev.followthrough.core.model.Postmortem;
import dev.followthrough.core.model.Priority;
import dev.followthrough.core.store.ActionStore;
import dev.followthrough.core.sync.SyncEngine;
import dev.followthrough.core.sync.SyncResult;
import dev.followthrough.core.tracker.Tracker;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Counts the requests a sync sends to a simulator, by kind, and the heap it needed. */
public final class SyncMeasurement {
  private SyncMeasurement() {}

  /** What one sync cost. */
  public record Run(String name, int items, SyncResult result, Map<String, Integer> requests, int total, int writes,
      long peakHeapBytes) {
    public double perItem() {
      return total / (double) items;
    }
  }

  /** {@code postmortems} × {@code itemsEach} open items with two owners and three due dates. */
  public static ActionStore store(int postmortems, int itemsEach) {
    ActionStore store = ActionStore.inMemory();
    for (int p = 0; p < postmortems; p++) {
      List<ActionItem> items = new ArrayList<>();
      for (int i = 0; i < itemsEach; i++) {
        items.add(ActionItem.open("item-" + i, "Action item " + i + " of incident " + p)
            .withOwner(i % 2 == 0 ? "erin" : "sam").withPriority(Priority.values()[i % 4])
            .withDueDate(LocalDate.of(2025, 7, 1).plusDays(i % 3)));
      }
      store.insert(new Postmortem("incident-" + p, "Incident " + p, null, null, null, null, items, null, null));
    }
    return store;
  }

  public static Run sync(String name, ActionStore store, Tracker tracker, Clock clock, WireMockServer server, int items) {
    server.resetRequests();
    resetPeaks();
    SyncResult result = SyncEngine.builder(store, tracker).clock(clock).sleeper(d -> { }).build().sync();
    long peak = peakHeap();
    Map<String, Integer> byKind = new TreeMap<>();
    int writes = 0;
    for (ServeEvent e : server.getAllServeEvents()) {
      String method = e.getRequest().getMethod().getName();
      // A site's own path (a Cloud gateway's /ex/jira/{cloudId}) is left out: the API path names the kind.
      String path = e.getRequest().getUrl().replaceAll("\\?.*", "").replaceAll("^.*(?=/rest/api/)", "")
          .replaceAll("/[A-Z]+-\\d+", "/{key}")
          .replaceAll("(?<!/api)/\\d+", "/{n}");
      byKind.merge(method + " " + path, 1, Integer::sum);
      if (!method.equals("GET") && !(method.equals("POST") && path.contains("/search"))) {
        writes++;
      }
    }
    return new Run(name, items, result, byKind, server.getAllServeEvents().size(), writes, peak);
  }

  /**
   * An unchanged incremental re-sync: a first (full) sync, then two syncs ten minutes apart that
   * read the new tickets back through the change list until they are older than the overlap, then
   * the measured one, ten minutes later, with nothing changed.
   */
  public static Run incremental(String name, ActionStore store, Tracker tracker, dev.followthrough.core.testing.TestClock clock,
      WireMockServer server, int items) {
    SyncEngine engine = SyncEngine.builder(store, tracker).clock(clock).sleeper(d -> { }).build();
    engine.sync();
    for (int i = 0; i < 3; i++) {
      clock.advance(java.time.Duration.ofMinutes(10));
      if (i < 2) {
        engine.sync();
      }
    }
    Run run = sync(name, store, tracker, clock, server, items);
    if (run.result().mode() != dev.followthrough.core.sync.SyncMode.INCREMENTAL) {
      throw new IllegalStateException(name + " was not incremental: " + run.result().mode());
    }
    return run;
  }

  private static void resetPeaks() {
    System.gc();
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        pool.resetPeakUsage();
      }
    }
  }

  private static long peakHeap() {
    long sum = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        sum += pool.getPeakUsage().getUsed();
      }
    }
    return sum;
  }

  public static String table(List<Run> runs) {
    StringBuilder out = new StringBuilder("| run | items | requests | per item | writes | peak heap | by kind |\n"
        + "|---|---:|---:|---:|---:|---:|---|\n");
    for (Run r : runs) {
      out.append(String.format(java.util.Locale.ROOT, "| %s | %d | %d | %.3f | %d | %d MB | %s |%n", r.name(), r.items(),
          r.total(), r.perItem(), r.writes(), r.peakHeapBytes() / (1024 * 1024), r.requests()));
    }
    return out.toString();
  }
}
