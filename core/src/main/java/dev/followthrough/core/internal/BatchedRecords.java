package dev.followthrough.core.internal;

import dev.followthrough.core.model.Postmortem;
import dev.followthrough.core.store.DamagedStoreException;
import dev.followthrough.core.store.StaleVersionException;
import dev.followthrough.core.store.StoreException;
import dev.followthrough.core.store.StoredPostmortem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * How the directory store writes a batch: the records are kept in the batch until its commit,
 * which appends them all to the journal with one flush (from then on the batch is acknowledged),
 * writes each record file without a flush of its own, flushes those files together, and empties
 * the journal. A writer killed after the journal's flush leaves the rest to whoever opens the
 * store next: {@link #replay} puts in place every journaled record newer than the one on disk.
 */
final class BatchedRecords {
  private final RecordJournal journal;
  private final RecordCodec codec;
  private final ReportFacts facts;
  private final Clock clock;
  private final StoreLock lock;
  private final Function<String, Path> recordFile;
  private final DirectoryBatch.Preparation ensureStore;
  private final Runnable afterJournalFlush;
  private final Runnable afterRecordWrite;

  BatchedRecords(RecordJournal journal, RecordCodec codec, ReportFacts facts, Clock clock, StoreLock lock,
      Function<String, Path> recordFile, DirectoryBatch.Preparation ensureStore, Runnable afterJournalFlush,
      Runnable afterRecordWrite) {
    this.journal = journal;
    this.codec = codec;
    this.facts = facts;
    this.clock = clock;
    this.lock = lock;
    this.recordFile = recordFile;
    this.ensureStore = ensureStore;
    this.afterJournalFlush = afterJournalFlush;
    this.afterRecordWrite = afterRecordWrite;
  }

  /** An insert ({@code expectedVersion} 0) or update within the batch. */
  StoredPostmortem write(DirectoryBatch batch, Postmortem postmortem, long expectedVersion) {
    Path file = recordFile.apply(postmortem.id());
    try {
      batch.holdLock(lock::acquire, this::prepare);
      long actual = current(batch, postmortem.id(), file).map(StoredPostmortem::version).orElse(0L);
      if (actual != expectedVersion) {
        throw new StaleVersionException(postmortem.id(), expectedVersion, actual);
      }
      return stage(batch, file, postmortem, actual + 1);
    } catch (IOException e) {
      throw new StoreException("cannot write " + file + ": " + e.getMessage(), e);
    }
  }

  Optional<StoredPostmortem> modify(DirectoryBatch batch, String id, UnaryOperator<Postmortem> change) {
    Path file = recordFile.apply(id);
    try {
      batch.holdLock(lock::acquire, this::prepare);
      Optional<StoredPostmortem> current = current(batch, id, file);
      if (current.isEmpty()) {
        return current;
      }
      Postmortem changed = change.apply(current.get().postmortem());
      if (changed.equals(current.get().postmortem())) {
        return current;
      }
      return Optional.of(stage(batch, file, changed, current.get().version() + 1));
    } catch (IOException e) {
      throw new StoreException("cannot write " + file + ": " + e.getMessage(), e);
    }
  }

  /** Holding the lock: journals the batch with one flush, then puts its records in place. */
  void commit(List<DirectoryBatch.Staged> staged) throws IOException {
    List<RecordJournal.Entry> entries = new ArrayList<>(staged.size());
    for (DirectoryBatch.Staged s : staged) {
      entries.add(new RecordJournal.Entry(s.stored().id(), s.stored().version(), s.bytes()));
    }
    journal.append(entries);
    afterJournalFlush.run();
    place(staged);
  }

  /**
   * Holding the lock: puts in place each journaled record that is newer than the one on disk (or
   * whose file is missing or damaged), flushes them, and empties the journal. A torn or damaged
   * end of the journal is ignored ({@link RecordJournal#read}); what came before it is replayed.
   */
  void replay() throws IOException {
    if (journal.isEmpty()) {
      return;
    }
    Map<String, RecordJournal.Entry> newest = new LinkedHashMap<>();
    for (RecordJournal.Entry e : journal.read()) {
      newest.put(e.id(), e);
    }
    List<DirectoryBatch.Staged> missing = new ArrayList<>();
    for (RecordJournal.Entry e : newest.values()) {
      Path file = recordFile.apply(e.id());
      if (versionOnDisk(file) < e.version()) {
        try {
          missing.add(new DirectoryBatch.Staged(file, codec.parse(file, e.record()), e.record()));
        } catch (DamagedStoreException notOurs) {
          // Its checksum held, so it is as written; a record that does not read is left out.
        }
      }
    }
    place(missing);
  }

  private void prepare() throws IOException {
    ensureStore.run();
    replay();
  }

  private StoredPostmortem stage(DirectoryBatch batch, Path file, Postmortem postmortem, long version) {
    StoredPostmortem stored = new StoredPostmortem(postmortem, version, clock.instant());
    batch.stage(file, stored, codec.bytes(stored));
    return stored;
  }

  private Optional<StoredPostmortem> current(DirectoryBatch batch, String id, Path file) throws IOException {
    Optional<StoredPostmortem> staged = batch.find(id);
    if (staged.isPresent() || !Files.exists(file)) {
      return staged;
    }
    return Optional.of(codec.parse(file, Files.readAllBytes(file)));
  }

  private void place(List<DirectoryBatch.Staged> staged) throws IOException {
    List<Path> files = new ArrayList<>(staged.size());
    for (DirectoryBatch.Staged s : staged) {
      AtomicFiles.writeUnflushed(s.file(), s.bytes());
      afterRecordWrite.run();
      facts.recorded(s.file(), s.stored(), s.bytes());
      files.add(s.file());
    }
    AtomicFiles.flush(files);
    journal.clear();
  }

  /** The version of the record on disk; 0 when there is none, -1 when it does not read. */
  private long versionOnDisk(Path file) throws IOException {
    if (!Files.exists(file)) {
      return 0;
    }
    try {
      return codec.parse(file, Files.readAllBytes(file)).version();
    } catch (DamagedStoreException e) {
      return -1;
    }
  }
}
