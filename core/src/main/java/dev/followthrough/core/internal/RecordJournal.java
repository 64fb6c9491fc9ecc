package dev.followthrough.core.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;

/**
 * The directory store's journal of record batches, {@code journal.bin}: a batch of records is
 * appended and flushed with one fsync, which makes the whole batch durable (acknowledged); the
 * records are then put in place without a flush each, and the journal is emptied once they have
 * been flushed together. Whoever finds the journal not empty (a writer killed between the
 * journal's flush and the end of its batch) replays it.
 *
 * <p>A batch is {@code batch COUNT LENGTH CRC32\n} and then LENGTH bytes of entries, each {@code
 * ID VERSION SIZE\n}, SIZE bytes of the record, {@code \n}. A batch whose bytes are not all there
 * or whose checksum differs was torn by a crash before its flush returned (never acknowledged) or
 * damaged: it and everything after it is ignored, and the batches before it are kept.
 */
final class RecordJournal {
  static final String FILE = "journal.bin";

  /** One record of a batch: the postmortem's id, the version written and the record file's bytes. */
  record Entry(String id, long version, byte[] record) {}

  private final Path file;

  RecordJournal(Path dir) {
    this.file = dir.resolve(FILE);
  }

  Path file() {
    return file;
  }

  /** Whether the journal holds anything: false, without reading it, in the common case. */
  boolean isEmpty() {
    try {
      return Files.size(file) == 0;
    } catch (NoSuchFileException e) {
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  /** Appends one batch and flushes it: when this returns, the batch survives a crash. */
  void append(List<Entry> batch) throws IOException {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    for (Entry e : batch) {
      body.write((e.id() + " " + e.version() + " " + e.record().length + "\n").getBytes(StandardCharsets.UTF_8));
      body.write(e.record());
      body.write('\n');
    }
    byte[] bytes = body.toByteArray();
    CRC32 crc = new CRC32();
    crc.update(bytes);
    byte[] header = ("batch " + batch.size() + " " + bytes.length + " " + crc.getValue() + "\n")
        .getBytes(StandardCharsets.US_ASCII);
    try (FileChannel out = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
        StandardOpenOption.APPEND)) {
      writeFully(out, ByteBuffer.wrap(header));
      writeFully(out, ByteBuffer.wrap(bytes));
      out.force(true);
    }
  }

  /**
   * The entries of every whole batch, in the order written; a torn or damaged batch ends the
   * reading. Never fails on the content: only a journal that cannot be read at all throws.
   */
  List<Entry> read() throws IOException {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      return List.of();
    }
    List<Entry> entries = new ArrayList<>();
    int at = 0;
    while (at < bytes.length) {
      int lineEnd = lineEnd(bytes, at);
      String[] header = lineEnd < 0 ? new String[0] : text(bytes, at, lineEnd).split(" ");
      if (header.length != 4 || !header[0].equals("batch")) {
        break;
      }
      try {
        int count = Integer.parseInt(header[1]);
        int length = Integer.parseInt(header[2]);
        long expected = Long.parseLong(header[3]);
        int start = lineEnd + 1;
        if (length < 0 || start + (long) length > bytes.length) {
          break; // torn: its flush never returned
        }
        CRC32 crc = new CRC32();
        crc.update(bytes, start, length);
        if (crc.getValue() != expected) {
          break;
        }
        List<Entry> batch = entries(bytes, start, start + length);
        if (batch.size() != count) {
          break;
        }
        entries.addAll(batch);
        at = start + length;
      } catch (NumberFormatException | IndexOutOfBoundsException e) {
        break;
      }
    }
    return entries;
  }

  /** Empties the journal once its records are durable in place. */
  void clear() throws IOException {
    try (FileChannel out = FileChannel.open(file, StandardOpenOption.WRITE)) {
      out.truncate(0);
    } catch (NoSuchFileException e) {
      // Nothing to empty.
    }
  }

  private static List<Entry> entries(byte[] bytes, int from, int to) {
    List<Entry> batch = new ArrayList<>();
    int at = from;
    while (at < to) {
      int lineEnd = lineEnd(bytes, at);
      String[] header = text(bytes, at, lineEnd).split(" ");
      int size = Integer.parseInt(header[2]);
      int start = lineEnd + 1;
      if (header.length != 3 || size < 0 || start + size >= to || bytes[start + size] != '\n') {
        throw new IndexOutOfBoundsException("entry overruns its batch");
      }
      batch.add(new Entry(header[0], Long.parseLong(header[1]), java.util.Arrays.copyOfRange(bytes, start, start + size)));
      at = start + size + 1;
    }
    return batch;
  }

  private static int lineEnd(byte[] bytes, int from) {
    for (int i = from; i < bytes.length; i++) {
      if (bytes[i] == '\n') {
        return i;
      }
    }
    return -1;
  }

  private static String text(byte[] bytes, int from, int to) {
    if (to < 0) {
      throw new IndexOutOfBoundsException("no end of line");
    }
    return new String(bytes, from, to - from, StandardCharsets.UTF_8);
  }

  private static void writeFully(FileChannel out, ByteBuffer bytes) throws IOException {
    while (bytes.hasRemaining()) {
      out.write(bytes);
    }
  }
}
