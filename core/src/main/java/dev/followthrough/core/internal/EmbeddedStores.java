package dev.followthrough.core.internal;

import dev.followthrough.core.store.ActionStore;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

/** Where {@link ActionStore}'s factories get the stores core brings, whose classes stay hidden. */
public final class EmbeddedStores {
  private EmbeddedStores() {}

  public static ActionStore inMemory(Clock clock) {
    return new InMemoryActionStore(clock);
  }

  public static ActionStore directory(Path dir, Duration lockWait, Clock clock) {
    return new DirectoryActionStore(dir, lockWait, clock, () -> {}, () -> {});
  }

  /**
   * The directory store, with {@code afterRecordWrite} run between each record's write and the
   * write of its report facts: for tests that crash a writer at that point (by throwing there).
   */
  public static ActionStore directory(Path dir, Duration lockWait, Clock clock, Runnable afterRecordWrite) {
    return new DirectoryActionStore(dir, lockWait, clock, afterRecordWrite, () -> {});
  }

  /**
   * The directory store, with {@code afterJournalFlush} run in each batch's commit after the
   * journal's flush and before the records are written: for tests that kill a writer there.
   */
  public static ActionStore directoryWithJournalHook(Path dir, Duration lockWait, Clock clock,
      Runnable afterJournalFlush) {
    return new DirectoryActionStore(dir, lockWait, clock, () -> {}, afterJournalFlush);
  }

  /**
   * What a directory store's facts file holds, as report data, every entry trusted and nothing
   * repaired, so that tests can check what its writers wrote there.
   */
  public static dev.followthrough.core.store.ReportData directoryFactsAsWritten(Path dir) {
    return new DirectoryActionStore(dir, Duration.ZERO, Clock.systemUTC(), () -> {}, () -> {})
        .reportFactsAsWritten();
  }

  /** {@code doctor}'s read-only checks of a store directory. */
  public static java.util.List<dev.followthrough.core.tracker.Check> diagnoseDirectory(Path dir) {
    return new DirectoryStoreDoctor(dir).run();
  }
}
