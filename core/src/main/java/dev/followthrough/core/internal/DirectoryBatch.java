package dev.followthrough.core.internal;

import dev.followthrough.core.store.ActionStore;
import dev.followthrough.core.store.StoreException;
import dev.followthrough.core.store.StoredPostmortem;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A batch of record writes on one directory store handle ({@link ActionStore#batch()}), used by
 * the thread that opened it. From its first write to its commit it holds the writers' lock, so
 * the versions it checks stay true, and it keeps the records written in memory: the handle reads
 * them back from here, other handles see the records on disk until the commit puts them there.
 */
final class DirectoryBatch implements ActionStore.Batch {
  /** A record waiting for the commit: its file, what it holds and its bytes. */
  record Staged(Path file, StoredPostmortem stored, byte[] bytes) {}

  /** Makes the staged records durable and puts them in place; the caller holds the lock. */
  interface Committer {
    void commit(List<Staged> staged) throws IOException;
  }

  /** Runs once the lock is taken, before the first record is staged. */
  interface Preparation {
    void run() throws IOException;
  }

  private final Thread owner = Thread.currentThread();
  private final Map<String, Staged> staged = new LinkedHashMap<>();
  private final String storeName;
  private final Committer committer;
  private final Runnable onClose;
  private StoreLock.Held held;

  DirectoryBatch(String storeName, Committer committer, Runnable onClose) {
    this.storeName = storeName;
    this.committer = committer;
    this.onClose = onClose;
  }

  boolean ownedByCurrentThread() {
    return Thread.currentThread() == owner;
  }

  /** Takes the writers' lock unless this batch holds it already. */
  void holdLock(Supplier<StoreLock.Held> acquire, Preparation preparation) throws IOException {
    if (held != null) {
      return;
    }
    held = acquire.get();
    try {
      preparation.run();
    } catch (IOException | RuntimeException e) {
      release();
      throw e;
    }
  }

  Optional<StoredPostmortem> find(String id) {
    return Optional.ofNullable(staged.get(id)).map(Staged::stored);
  }

  List<StoredPostmortem> all() {
    return staged.values().stream().map(Staged::stored).toList();
  }

  /** The records on disk, ordered by id, with this batch's in their place. */
  List<StoredPostmortem> over(List<StoredPostmortem> onDisk) {
    java.util.TreeMap<String, StoredPostmortem> all = new java.util.TreeMap<>();
    onDisk.forEach(p -> all.put(p.id(), p));
    staged.values().forEach(s -> all.put(s.stored().id(), s.stored()));
    return List.copyOf(all.values());
  }

  boolean isEmpty() {
    return staged.isEmpty();
  }

  void stage(Path file, StoredPostmortem stored, byte[] bytes) {
    staged.put(stored.id(), new Staged(file, stored, bytes));
  }

  @Override
  public void commit() {
    if (!ownedByCurrentThread()) {
      throw new IllegalStateException("a batch of " + storeName + " is committed by the thread that opened it");
    }
    try {
      if (!staged.isEmpty()) {
        committer.commit(new ArrayList<>(staged.values()));
      }
    } catch (IOException e) {
      throw new StoreException("cannot write a batch to " + storeName + ": " + e.getMessage(), e);
    } finally {
      staged.clear();
      release();
    }
  }

  @Override
  public void close() {
    staged.clear();
    release();
    onClose.run();
  }

  private void release() {
    if (held != null) {
      held.close();
      held = null;
    }
  }
}
