package dev.followthrough.core.internal;

import dev.followthrough.core.store.StoreException;
import dev.followthrough.core.store.StoreLockedException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One writer at a time for a store directory, across threads and processes.
 *
 * <p>The operating system releases a process's file lock when the process dies, so a lock left by
 * a killed run never blocks a later one. The lock file itself is never deleted: deleting it would
 * let two processes lock two different files.
 */
final class StoreLock {
  // File locks belong to the whole JVM, so threads of one JVM must also queue in-process; one
  // ReentrantLock per lock file path is shared by every store object opened on that directory.
  private static final ConcurrentHashMap<Path, ReentrantLock> IN_PROCESS = new ConcurrentHashMap<>();

  private final Path lockFile;
  private final String storeName;
  private final Duration wait;

  StoreLock(Path lockFile, String storeName, Duration wait) {
    this.lockFile = lockFile.toAbsolutePath().normalize();
    this.storeName = storeName;
    this.wait = wait;
  }

  /** A held lock; closing it releases the lock. */
  interface Held extends AutoCloseable {
    @Override
    void close();
  }

  Held acquire() {
    long deadline = System.nanoTime() + wait.toNanos();
    ReentrantLock local = IN_PROCESS.computeIfAbsent(lockFile, p -> new ReentrantLock());
    try {
      if (!local.tryLock(wait.toNanos(), TimeUnit.NANOSECONDS)) {
        throw locked("another thread of this process");
      }
      if (local.getHoldCount() > 1) {
        // Not re-entrant: a second holder on the same thread is a second writer or run.
        local.unlock();
        throw locked("this thread already");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StoreException("interrupted while waiting for the lock of " + storeName, e);
    }
    try {
      return acquireFileLock(local, deadline);
    } catch (RuntimeException e) {
      local.unlock();
      throw e;
    }
  }

  private Held acquireFileLock(ReentrantLock local, long deadline) {
    try {
      Files.createDirectories(lockFile.getParent());
      FileChannel channel =
          FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
              StandardOpenOption.READ);
      long pause = 5;
      while (true) {
        FileLock lock = channel.tryLock();
        if (lock != null) {
          recordHolder(channel);
          return () -> release(channel, lock, local);
        }
        if (System.nanoTime() >= deadline) {
          channel.close();
          throw locked("another process" + holderDescription());
        }
        Thread.sleep(pause);
        pause = Math.min(pause * 2, 100);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StoreException("interrupted while waiting for the lock of " + storeName, e);
    } catch (IOException e) {
      throw new StoreException("cannot lock " + storeName + " (" + lockFile + "): " + e.getMessage(), e);
    }
  }

  private StoreLockedException locked(String holder) {
    return new StoreLockedException(
        storeName + " is being written by " + holder + "; gave up after waiting "
            + wait.toMillis() + " ms. Try again when the other run has finished.");
  }

  private void recordHolder(FileChannel channel) throws IOException {
    byte[] pid = (ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.US_ASCII);
    channel.truncate(0);
    channel.write(ByteBuffer.wrap(pid), 0);
  }

  private String holderDescription() {
    try {
      String pid = Files.readString(lockFile, StandardCharsets.US_ASCII).strip();
      return pid.isEmpty() ? "" : " (pid " + pid + ")";
    } catch (IOException e) {
      return "";
    }
  }

  private static void release(FileChannel channel, FileLock lock, ReentrantLock local) {
    try {
      lock.release();
      channel.close();
    } catch (IOException e) {
      // Closing the channel releases the lock in any case.
    } finally {
      local.unlock();
    }
  }
}
