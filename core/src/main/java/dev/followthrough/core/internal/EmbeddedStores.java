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
    return new DirectoryActionStore(dir, lockWait, clock);
  }

  /** {@code doctor}'s read-only checks of a store directory. */
  public static java.util.List<dev.followthrough.core.tracker.Check> diagnoseDirectory(Path dir) {
    return new DirectoryStoreDoctor(dir).run();
  }
}
