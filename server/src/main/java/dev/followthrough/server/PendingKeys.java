package dev.followthrough.server;

import dev.followthrough.core.sync.ItemRef;
import dev.followthrough.core.sync.SyncResult;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** The keys a {@link SyncQueue} holds, each with the time it is due; not thread-safe (the queue locks). */
final class PendingKeys {
  private static final class Entry {
    Instant due;
    Instant firstSeen;
    int failures;
    int lagChecks;

    Entry(Instant now) {
      due = now;
      firstSeen = now;
    }
  }

  private final Duration firstBackoff;
  private final Duration maxBackoff;
  private final Duration firstLagCheck;
  private final Duration lagWindow;
  private final Map<String, Entry> entries = new LinkedHashMap<>();

  PendingKeys(Duration firstBackoff, Duration maxBackoff, Duration firstLagCheck, Duration lagWindow) {
    this.firstBackoff = firstBackoff;
    this.maxBackoff = maxBackoff;
    this.firstLagCheck = firstLagCheck;
    this.lagWindow = lagWindow;
  }

  void offer(Collection<String> keys, Instant now) {
    for (String key : keys) {
      Entry e = entries.get(key);
      if (e == null) {
        entries.put(key, new Entry(now));
      } else if (e.failures == 0) {
        // A new event about the ticket: read it now, and watch for search lag from here. A key
        // backing off keeps its delay: the reason it failed is likely still there.
        e.due = now;
        e.firstSeen = now;
        e.lagChecks = 0;
      }
    }
  }

  Set<String> keys() {
    return Set.copyOf(entries.keySet());
  }

  Optional<Instant> nextDue() {
    return entries.values().stream().map(e -> e.due).min(Instant::compareTo);
  }

  Set<String> due(Instant now) {
    Set<String> keys = new TreeSet<>();
    entries.forEach((k, e) -> {
      if (!e.due.isAfter(now)) {
        keys.add(k);
      }
    });
    return keys;
  }

  /**
   * After a targeted sync of {@code keys}: drops those read (or linked by no item), keeps those
   * whose run or item failed with a growing delay, and those read without a change for a later
   * look while the search may still lag.
   *
   * @param linked the items linking each key, read before the sync
   */
  void settle(Set<String> keys, Map<String, List<ItemRef>> linked, SyncResult result, boolean runFailed, Instant after) {
    Set<ItemRef> failed = new HashSet<>();
    Set<ItemRef> changed = new HashSet<>();
    if (result != null) {
      result.failures().forEach(f -> failed.add(f.item()));
      changed.addAll(result.pulled());
      changed.addAll(result.updated());
      changed.addAll(result.transitioned());
      changed.addAll(result.conflicts());
      result.deleted().forEach(d -> changed.add(d.item()));
    }
    for (String key : keys) {
      Entry e = entries.get(key);
      if (e == null || e.due.isAfter(after)) {
        continue;
      }
      List<ItemRef> items = linked.getOrDefault(key, List.of());
      if (runFailed || items.stream().anyMatch(failed::contains)) {
        e.failures++;
        e.due = after.plus(capped(multiplied(firstBackoff, e.failures - 1), maxBackoff));
      } else if (items.isEmpty() || items.stream().anyMatch(changed::contains)
          || after.isAfter(e.firstSeen.plus(lagWindow))) {
        entries.remove(key);
      } else {
        e.failures = 0;
        e.due = after.plus(multiplied(firstLagCheck, e.lagChecks));
        e.lagChecks++;
      }
    }
  }

  private static Duration capped(Duration d, Duration max) {
    return d.compareTo(max) > 0 ? max : d;
  }

  /** {@code base} × 3^{@code times}, stopping at a day so it cannot overflow. */
  private static Duration multiplied(Duration base, int times) {
    Duration d = base;
    for (int i = 0; i < times && d.compareTo(Duration.ofDays(1)) < 0; i++) {
      d = d.multipliedBy(3);
    }
    return d;
  }
}
