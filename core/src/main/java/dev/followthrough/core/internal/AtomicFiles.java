package dev.followthrough.core.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.UUID;

/**
 * Replaces files so that a reader, or a process killed half-way, sees the old content or the new
 * one, never a mix: write a temp file beside the target, fsync it, rename it over the target,
 * fsync the directory.
 */
final class AtomicFiles {
  /** Temp files end with this; readers ignore them and a later writer removes them. */
  public static final String TEMP_SUFFIX = ".tmp";

  private AtomicFiles() {}

  public static void write(Path target, String content) throws IOException {
    write(target, content.getBytes(StandardCharsets.UTF_8));
  }

  public static void write(Path target, byte[] content) throws IOException {
    replace(target, content, true);
    syncDirectory(target.toAbsolutePath().getParent());
  }

  /**
   * Replaces the file as {@link #write} does but flushes nothing: for a batch whose records a
   * flushed journal already holds, flushed together afterwards ({@link #flush}).
   */
  public static void writeUnflushed(Path target, byte[] content) throws IOException {
    replace(target, content, false);
  }

  /** Flushes files written unflushed, then their directories. */
  public static void flush(java.util.Collection<Path> files) throws IOException {
    java.util.Set<Path> dirs = new java.util.LinkedHashSet<>();
    for (Path file : files) {
      try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
        channel.force(true);
      }
      dirs.add(file.toAbsolutePath().getParent());
    }
    dirs.forEach(AtomicFiles::syncDirectory);
  }

  private static void replace(Path target, byte[] content, boolean flush) throws IOException {
    Path dir = target.toAbsolutePath().getParent();
    Files.createDirectories(dir);
    Path temp = dir.resolve("." + target.getFileName() + "." + UUID.randomUUID() + TEMP_SUFFIX);
    try {
      try (FileChannel out =
          FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
        ByteBuffer bytes = ByteBuffer.wrap(content);
        while (bytes.hasRemaining()) {
          out.write(bytes);
        }
        if (flush) {
          out.force(true);
        }
      }
      move(temp, target);
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  private static void move(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  /** Makes the rename itself durable; some platforms cannot open a directory, which is fine. */
  private static void syncDirectory(Path dir) {
    try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
      channel.force(true);
    } catch (IOException | UnsupportedOperationException e) {
      // Not supported here (e.g. Windows); the rename is still atomic.
    }
  }
}
