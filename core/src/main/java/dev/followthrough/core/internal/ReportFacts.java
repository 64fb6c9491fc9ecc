package dev.followthrough.core.internal;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import dev.followthrough.core.json.JsonFormat;
import dev.followthrough.core.store.DamagedStoreException;
import dev.followthrough.core.store.ItemFacts;
import dev.followthrough.core.store.ReportData;
import dev.followthrough.core.store.StoreException;
import dev.followthrough.core.store.StoredPostmortem;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The directory store's facts file, {@code report-facts.jsonl}: what a report needs of every record
 * ({@link FactsEntry}), in one file read in one pass, as the PostgreSQL store keeps columns beside
 * its records. The records stay the truth; the facts file is a cache that proves itself.
 *
 * <p>Each entry carries the stamp of the record file it was taken from (file key, size and
 * modification time to the nanosecond; every record write makes a new file by rename, so a new
 * stamp). A reader stats every record and uses an entry only when the stamps agree; a record
 * without an agreeing entry is read whole and its entry written again. A file that cannot be read
 * (a line that is not an entry, an unknown header) is not trusted at all: every record is read and
 * the file rebuilt. Writers append one line per record write, under the writers' lock, after the
 * record is durable; the facts need no fsync of their own, since a lost or torn line only makes
 * the next reader read that record. Superseded lines are dropped when a reader rewrites the file.
 */
final class ReportFacts {
  static final String FILE = "report-facts.jsonl";
  private static final byte[] HEADER = "{\"reportFacts\":2}\n".getBytes(StandardCharsets.US_ASCII);

  /** Reads and parses one record file from bytes already read. */
  interface RecordParser {
    StoredPostmortem parse(Path file, byte[] bytes);
  }

  private final Path file;
  private final Path records;
  private final StoreLock writers;
  private final JsonFormat json = JsonFormat.json();

  ReportFacts(Path dir, Path records, String storeName) {
    this.file = dir.resolve(FILE);
    this.records = records;
    // The writers' lock, never waited for: a reader rewrites the file only when no writer is busy.
    this.writers = new StoreLock(dir.resolve(".lock"), storeName, java.time.Duration.ZERO);
  }

  /** The stamp of a record file as it is now. */
  static String stamp(Path record) throws IOException {
    BasicFileAttributes a = Files.readAttributes(record, BasicFileAttributes.class);
    return a.fileKey() + "/" + a.size() + "/" + a.lastModifiedTime().to(TimeUnit.NANOSECONDS);
  }

  /** After a record write, holding the writers' lock: appends its entry. Failing here loses nothing. */
  void recorded(Path record, StoredPostmortem stored, byte[] bytes) {
    try {
      FactsEntry entry = FactsEntry.of(stamp(record), stored.postmortem(), bytes, new HashMap<>());
      ByteArrayOutputStream line = new ByteArrayOutputStream(bytes.length / 4);
      if (!Files.exists(file) || Files.size(file) == 0) {
        line.write(HEADER);
      }
      writeLine(line, entry);
      Files.write(file, line.toByteArray(), StandardOpenOption.CREATE, StandardOpenOption.WRITE,
          StandardOpenOption.APPEND);
    } catch (IOException | RuntimeException e) {
      // The record is written; without its entry the next report reads that record instead.
    }
  }

  /** The report data from the facts, every record checked by its stamp. */
  ReportData reportData(List<Path> recordFiles, RecordParser parser) {
    Map<ItemFacts, ItemFacts> shared = new HashMap<>();
    Loaded loaded = load(shared);
    Map<String, FactsEntry> byId = loaded.entries;
    List<FactsEntry> current = new ArrayList<>(recordFiles.size());
    DamagedStoreException.Collector damaged = new DamagedStoreException.Collector();
    int rederived = 0;
    for (Path record : recordFiles) {
      String name = record.getFileName().toString();
      String id = name.substring(0, name.length() - ".json".length());
      try {
        FactsEntry entry = byId.get(id);
        String stamp = stamp(record);
        if (entry == null || !entry.stamp().equals(stamp)) {
          entry = derive(record, parser, shared);
          rederived++;
        }
        current.add(entry);
      } catch (DamagedStoreException e) {
        damaged.add(e);
      } catch (NoSuchFileException e) {
        // Removed since the directory was listed.
      } catch (IOException e) {
        throw new StoreException("cannot read " + record + ": " + e.getMessage(), e);
      }
    }
    damaged.throwIfAny();
    if (loaded.distrusted || rederived > 0 || byId.size() != current.size() || loaded.lines > 2 * current.size() + 16) {
      rewrite(current);
    }
    return new FactsReportData(current, records, parser, json);
  }

  /**
   * The report data as the facts file holds it, every entry trusted and nothing repaired: for
   * tests that check what writers wrote there.
   */
  ReportData asWritten(RecordParser parser) {
    Loaded loaded = load(new HashMap<>());
    if (loaded.distrusted) {
      throw new StoreException(file + " is missing or not readable as facts");
    }
    List<FactsEntry> entries = new ArrayList<>(loaded.entries.values());
    entries.sort(java.util.Comparator.comparing(FactsEntry::id));
    return new FactsReportData(entries, records, parser, json);
  }

  /** A record's entry from the record itself, read between two equal stamps. */
  private FactsEntry derive(Path record, RecordParser parser, Map<ItemFacts, ItemFacts> shared) throws IOException {
    for (int attempt = 0; ; attempt++) {
      String before = stamp(record);
      byte[] bytes = Files.readAllBytes(record);
      StoredPostmortem stored = parser.parse(record, bytes);
      if (before.equals(stamp(record))) {
        return FactsEntry.of(before, stored.postmortem(), bytes, shared);
      }
      if (attempt == 5) {
        throw new StoreException(record + " kept changing while it was read");
      }
    }
  }

  private record Loaded(Map<String, FactsEntry> entries, int lines, boolean distrusted) {}

  private Loaded load(Map<ItemFacts, ItemFacts> shared) {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      return new Loaded(Map.of(), 0, true);
    } catch (IOException e) {
      return new Loaded(Map.of(), 0, true);
    }
    if (bytes.length < HEADER.length || !java.util.Arrays.equals(bytes, 0, HEADER.length, HEADER, 0, HEADER.length)) {
      return new Loaded(Map.of(), 0, true);
    }
    // Two halves split at a line's end, read on two cores; as in one pass, a later line wins.
    int middle = lineEndAfter(bytes, HEADER.length + (bytes.length - HEADER.length) / 2);
    CompletableFuture<Loaded> first =
        CompletableFuture.supplyAsync(() -> parse(bytes, HEADER.length, middle, new HashMap<>()));
    Loaded second = parse(bytes, middle, bytes.length, shared);
    Loaded head = first.join();
    if (head.distrusted || second.distrusted) {
      return new Loaded(Map.of(), head.lines + second.lines, true);
    }
    Map<String, FactsEntry> entries = new LinkedHashMap<>(head.entries);
    entries.putAll(second.entries);
    return new Loaded(entries, head.lines + second.lines, false);
  }

  private static int lineEndAfter(byte[] bytes, int from) {
    int i = from;
    while (i < bytes.length && bytes[i] != '\n') {
      i++;
    }
    return Math.min(i + 1, bytes.length);
  }

  /** The entries of the lines in {@code [from, to)}, which starts at a line's start. */
  private Loaded parse(byte[] bytes, int from, int to, Map<ItemFacts, ItemFacts> shared) {
    Map<String, FactsEntry> entries = new LinkedHashMap<>();
    int lines = 0;
    int start = from;
    while (start < to) {
      int end = start;
      while (end < to && bytes[end] != '\n') {
        end++;
      }
      if (end == to) {
        break; // a line still being appended, or torn by a crash: its record is read instead
      }
      try (JsonParser p = FactsEntry.JSON.createParser(bytes, start, end - start)) {
        FactsEntry entry = FactsEntry.read(p, bytes, start, json, file.toString(), shared);
        if (p.nextToken() != null) {
          throw new IOException("more after the entry");
        }
        entries.put(entry.id(), entry);
      } catch (IOException | RuntimeException e) {
        return new Loaded(Map.of(), lines, true); // not written by us as it stands: trust none of it
      }
      lines++;
      start = end + 1;
    }
    return new Loaded(entries, lines, false);
  }

  /** Writes the current entries anew, when the writers' lock is free; else the next reader will. */
  private void rewrite(List<FactsEntry> current) {
    StoreLock.Held held;
    try {
      held = writers.acquire();
    } catch (StoreException e) {
      return;
    }
    try (held) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      out.write(HEADER);
      for (FactsEntry entry : current) {
        writeLine(out, entry);
      }
      AtomicFiles.write(file, out.toByteArray());
    } catch (IOException | RuntimeException e) {
      // A cache: the records answered this report, and the next one tries again.
    }
  }

  private void writeLine(ByteArrayOutputStream out, FactsEntry entry) throws IOException {
    try (JsonGenerator g = FactsEntry.JSON.createGenerator(out)) {
      g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
      entry.write(g, json);
    }
    out.write('\n');
  }
}
