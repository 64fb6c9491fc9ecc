package dev.followthrough.core.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.followthrough.core.json.JsonFormat;
import dev.followthrough.core.model.Postmortem;
import dev.followthrough.core.store.ActionStore;
import dev.followthrough.core.store.DamagedStoreException;
import dev.followthrough.core.store.StaleVersionException;
import dev.followthrough.core.store.StoreException;
import dev.followthrough.core.store.StoredPostmortem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The embedded default store: one JSON file per postmortem under {@code postmortems/}, a {@code
 * store.json} that marks the directory, and a {@code .lock} file.
 *
 * <p>Readers take no lock: every file is replaced atomically, so a read sees a whole version.
 * Writers take the lock, re-read the version on disk, and only then write.
 */
final class DirectoryActionStore implements ActionStore {
  private static final String MARKER = "store.json";
  private static final String RECORDS = "postmortems";

  private final Path dir;
  private final Clock clock;
  private final StoreLock lock;
  private final JsonFormat json = JsonFormat.json();
  private final RecordCodec codec = new RecordCodec();
  private final DirectorySyncStates syncStates;
  private final ReportFacts facts;
  private final RecordJournal journal;
  // Run between a record's write and its facts entry's, and between a batch's journal flush and
  // its records' writes: tests crash a writer there.
  private final Runnable afterRecordWrite;
  private volatile boolean tempFilesRemoved;
  private volatile DirectoryBatch batch;
  private final BatchedRecords batched;

  DirectoryActionStore(Path dir, Duration lockWait, Clock clock, Runnable afterRecordWrite,
      Runnable afterJournalFlush) {
    this.dir = dir;
    this.clock = clock;
    this.lock = new StoreLock(dir.resolve(".lock"), describe(), lockWait);
    this.syncStates = new DirectorySyncStates(dir, lock);
    this.facts = new ReportFacts(dir, dir.resolve(RECORDS), describe());
    this.journal = new RecordJournal(dir);
    this.afterRecordWrite = afterRecordWrite;
    this.batched = new BatchedRecords(journal, codec, facts, clock, lock, this::recordFile, this::ensureStore,
        afterJournalFlush, afterRecordWrite);
  }

  /** One batch at a time per handle; as {@link BatchedRecords} writes it. */
  @Override
  public synchronized Batch batch() {
    if (batch != null) {
      throw new IllegalStateException("a batch is open on " + describe() + " already");
    }
    batch = new DirectoryBatch(describe(), staged -> batched.commit(staged), () -> batch = null);
    return batch;
  }

  /** The batch the calling thread opened on this handle, if any. */
  private DirectoryBatch ownBatch() {
    DirectoryBatch open = batch;
    return open != null && open.ownedByCurrentThread() ? open : null;
  }

  /** Before reading: a writer killed during a batch left records only in the journal. */
  private void replayIfNeeded() {
    if (journal.isEmpty() || ownBatch() != null) {
      return;
    }
    try (StoreLock.Held held = lock.acquire()) {
      batched.replay();
    } catch (dev.followthrough.core.store.StoreLockedException e) {
      // A live writer holds the lock: what it has not put in place is not acknowledged yet.
    } catch (IOException e) {
      throw new StoreException("cannot replay " + journal.file() + ": " + e.getMessage(), e);
    }
  }

  /** From the facts file beside the records, each entry checked against its record ({@link ReportFacts}). */
  @Override
  public dev.followthrough.core.store.ReportData reportData() {
    replayIfNeeded();
    DirectoryBatch own = ownBatch();
    if (own != null && !own.isEmpty()) {
      return ActionStore.super.reportData(); // from findAll, which sees the batch's records
    }
    Path records = dir.resolve(RECORDS);
    return Files.isDirectory(records) ? facts.reportData(recordFiles(records), codec::parse) : ActionStore.super.reportData();
  }

  /** The report data as the facts file holds it, unchecked ({@link ReportFacts#asWritten}). */
  dev.followthrough.core.store.ReportData reportFactsAsWritten() {
    return facts.asWritten(codec::parse);
  }

  @Override
  public Optional<dev.followthrough.core.store.SyncState> syncState(String trackerScope) {
    return syncStates.find(trackerScope);
  }

  @Override
  public void saveSyncState(String trackerScope, dev.followthrough.core.store.SyncState state) {
    syncStates.save(trackerScope, state, this::ensureStore);
  }

  @Override
  public Optional<RunLock> tryLockRun() {
    try {
      StoreLock.Held held = new StoreLock(dir.resolve(".run.lock"), describe(), Duration.ZERO).acquire();
      return Optional.of(held::close);
    } catch (dev.followthrough.core.store.StoreLockedException e) {
      return Optional.empty();
    }
  }

  @Override
  public boolean recordDelivery(String source, String deliveryId, Instant receivedAt, Duration retention) {
    try (StoreLock.Held held = lock.acquire()) {
      ensureStore();
      return new DeliveryFile(dir.resolve("deliveries.json")).record(source, deliveryId, receivedAt, retention);
    } catch (IOException e) {
      throw new StoreException("cannot write " + dir.resolve("deliveries.json") + ": " + e.getMessage(), e);
    }
  }

  @Override
  public String describe() {
    return "store " + dir;
  }

  @Override
  public Optional<StoredPostmortem> find(String postmortemId) {
    replayIfNeeded();
    DirectoryBatch own = ownBatch();
    Optional<StoredPostmortem> staged = own == null ? Optional.empty() : own.find(postmortemId);
    if (staged.isPresent()) {
      return staged;
    }
    Path file = recordFile(postmortemId);
    return Files.exists(file) ? Optional.of(read(file)) : Optional.empty();
  }

  @Override
  public List<StoredPostmortem> findAll() {
    replayIfNeeded();
    DirectoryBatch own = ownBatch();
    if (own != null && !own.isEmpty()) {
      return own.over(onDisk());
    }
    return onDisk();
  }

  private List<StoredPostmortem> onDisk() {
    Path records = dir.resolve(RECORDS);
    if (!Files.isDirectory(records)) {
      requireStoreOrAbsent();
      return List.of();
    }
    List<StoredPostmortem> all = new ArrayList<>();
    DamagedStoreException.Collector damaged = new DamagedStoreException.Collector();
    for (Path file : recordFiles(records)) {
      try {
        all.add(read(file));
      } catch (DamagedStoreException e) {
        damaged.add(e);
      }
    }
    damaged.throwIfAny();
    return List.copyOf(all);
  }

  @Override
  public StoredPostmortem insert(Postmortem postmortem) {
    return write(postmortem, 0);
  }

  @Override
  public StoredPostmortem update(Postmortem postmortem, long expectedVersion) {
    return write(postmortem, expectedVersion);
  }

  /**
   * Reads, changes and writes under the writers' lock, so that a change is never lost and no
   * writer can be starved by others winning the race between its read and its write.
   */
  @Override
  public Optional<StoredPostmortem> modify(String postmortemId, java.util.function.UnaryOperator<Postmortem> change) {
    DirectoryBatch own = ownBatch();
    if (own != null) {
      return batched.modify(own, postmortemId, change);
    }
    Path file = recordFile(postmortemId);
    try (StoreLock.Held held = lock.acquire()) {
      batched.replay();
      if (!Files.exists(file)) {
        return Optional.empty();
      }
      StoredPostmortem current = read(file);
      Postmortem changed = change.apply(current.postmortem());
      if (changed.equals(current.postmortem())) {
        return Optional.of(current);
      }
      return Optional.of(save(file, new StoredPostmortem(changed, current.version() + 1, clock.instant())));
    } catch (IOException e) {
      throw new StoreException("cannot write " + file + ": " + e.getMessage(), e);
    }
  }

  private StoredPostmortem write(Postmortem postmortem, long expectedVersion) {
    DirectoryBatch own = ownBatch();
    if (own != null) {
      return batched.write(own, postmortem, expectedVersion);
    }
    try (StoreLock.Held held = lock.acquire()) {
      ensureStore();
      batched.replay();
      Path file = recordFile(postmortem.id());
      long actual = Files.exists(file) ? read(file).version() : 0;
      if (actual != expectedVersion) {
        throw new StaleVersionException(postmortem.id(), expectedVersion, actual);
      }
      return save(file, new StoredPostmortem(postmortem, actual + 1, clock.instant()));
    } catch (IOException e) {
      throw new StoreException("cannot write " + recordFile(postmortem.id()) + ": " + e.getMessage(), e);
    }
  }

  /** Writes a record durably, then its facts entry; the caller holds the writers' lock. */
  private StoredPostmortem save(Path file, StoredPostmortem stored) throws IOException {
    byte[] bytes = codec.bytes(stored);
    AtomicFiles.write(file, bytes);
    afterRecordWrite.run();
    facts.recorded(file, stored, bytes);
    return stored;
  }

  private StoredPostmortem read(Path file) {
    try {
      return codec.parse(file, Files.readAllBytes(file));
    } catch (NoSuchFileException e) {
      throw new StoreException("store file " + file + " disappeared while reading", e);
    } catch (IOException e) {
      throw new StoreException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  private List<Path> recordFiles(Path records) {
    try (Stream<Path> files = Files.list(records)) {
      return files
          .filter(f -> f.getFileName().toString().endsWith(".json"))
          .filter(f -> !f.getFileName().toString().startsWith("."))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new StoreException("cannot list " + records + ": " + e.getMessage(), e);
    }
  }

  private Path recordFile(String postmortemId) {
    return dir.resolve(RECORDS).resolve(postmortemId + ".json");
  }

  /** A directory that holds other things but no marker is not ours: refuse to write into it. */
  private void requireStoreOrAbsent() {
    if (Files.isDirectory(dir) && !Files.exists(dir.resolve(MARKER)) && !isEmpty(dir)) {
      throw new StoreException(dir + " exists but is not a Followthrough store (no " + MARKER + ")");
    }
  }

  private void ensureStore() throws IOException {
    requireStoreOrAbsent();
    Path marker = dir.resolve(MARKER);
    if (!Files.exists(marker)) {
      ObjectNode meta = json.object();
      meta.put("schemaVersion", JsonFormat.SCHEMA_VERSION);
      meta.put("createdAt", clock.instant().toString());
      AtomicFiles.write(marker, json.write(meta));
    } else {
      JsonFormat.requireSchemaVersion(json.parseTree(Files.readString(marker), marker.toString()), marker.toString());
    }
    if (!tempFilesRemoved) {
      removeLeftoverTempFiles(dir.resolve(RECORDS));
      tempFilesRemoved = true;
    }
  }

  /** Temp files of writers that were killed before their rename; we hold the lock, so none is live. */
  private static void removeLeftoverTempFiles(Path records) throws IOException {
    if (!Files.isDirectory(records)) {
      return;
    }
    try (Stream<Path> files = Files.list(records)) {
      for (Path f : files.filter(f -> f.getFileName().toString().endsWith(AtomicFiles.TEMP_SUFFIX)).toList()) {
        Files.deleteIfExists(f);
      }
    }
  }

  private static boolean isEmpty(Path dir) {
    try (Stream<Path> entries = Files.list(dir)) {
      return entries.allMatch(p -> p.getFileName().toString().endsWith(".lock"));
    } catch (IOException e) {
      return false;
    }
  }
}
