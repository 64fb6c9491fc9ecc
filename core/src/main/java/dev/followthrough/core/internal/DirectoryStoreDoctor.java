package dev.followthrough.core.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.followthrough.core.ValidationException;
import dev.followthrough.core.json.JsonFormat;
import dev.followthrough.core.store.ActionStore;
import dev.followthrough.core.store.StoreException;
import dev.followthrough.core.tracker.Check;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * {@code doctor}'s checks of a store directory, none of which writes to it: writable, its
 * {@code store.json} format version, its records readable, and the run lock, naming the process
 * that holds it. Reached through {@code StoreSettings.diagnose()}.
 */
final class DirectoryStoreDoctor {
  private final Path dir;
  private final String name;
  private final List<Check> checks = new ArrayList<>();

  DirectoryStoreDoctor(Path dir) {
    this.dir = dir;
    this.name = dir.toString();
  }

  List<Check> run() {
    Path absolute = dir.toAbsolutePath();
    Path existing = absolute;
    while (existing != null && !Files.exists(existing)) {
      existing = existing.getParent();
    }
    if (existing == null || !Files.isWritable(existing)) {
      checks.add(Check.problem("store", name + " is not writable", "give a directory this user can write to in store:"));
      return checks;
    }
    if (!Files.exists(absolute)) {
      checks.add(Check.ok("store", name + " will be created by the first import"));
      return checks;
    }
    if (format() && records()) {
      runLock();
    }
    return checks;
  }

  private boolean format() {
    Path marker = dir.resolve("store.json");
    if (!Files.exists(marker)) {
      if (onlyLockFiles()) {
        checks.add(Check.ok("store format", "empty store; the first import writes schema version " + JsonFormat.SCHEMA_VERSION));
        return true;
      }
      checks.add(Check.problem("store format", name + " holds other files but no store.json, so it is not a Followthrough store",
          "point store: at an empty or Followthrough directory"));
      return false;
    }
    JsonNode version;
    try {
      version = new ObjectMapper().readTree(Files.readString(marker)).path("schemaVersion");
    } catch (IOException e) {
      checks.add(Check.problem("store format", marker + " cannot be read as JSON", "restore " + marker + " from a backup"));
      return false;
    }
    if (version.isInt() && version.intValue() == JsonFormat.SCHEMA_VERSION) {
      checks.add(Check.ok("store format", "schema version " + version.intValue()));
      return true;
    }
    checks.add(Check.problem("store format", marker + " has schema version " + (version.isMissingNode() ? "(none)" : version.toString())
            + "; this release reads " + JsonFormat.SCHEMA_VERSION,
        version.isInt() && version.intValue() > JsonFormat.SCHEMA_VERSION ? "use the release that wrote this store" : "restore " + marker + " from a backup"));
    return false;
  }

  private boolean records() {
    try (ActionStore store = ActionStore.directory(dir)) {
      checks.add(Check.ok("store", name + " readable, " + store.findAll().size() + " postmortem(s)"));
      return true;
    } catch (StoreException | ValidationException e) {
      checks.add(Check.problem("store", e.getMessage(), "repair or move aside the file named, or fix store: in the configuration"));
      return false;
    }
  }

  /** Tries the run lock's file lock and lets it go at once; the file's content (the holder's pid) is left as it is. */
  private void runLock() {
    Path file = dir.resolve(".run.lock");
    if (!Files.exists(file)) {
      checks.add(Check.ok("store lock", "free"));
      return;
    }
    boolean free;
    String self = "";
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
      FileLock lock = channel.tryLock();
      free = lock != null;
      if (lock != null) {
        lock.release();
      }
    } catch (OverlappingFileLockException e) {
      free = false;
      self = ", this process";
    } catch (IOException e) {
      checks.add(Check.problem("store lock", file + " cannot be opened: " + e.getMessage(), "give this user write access to " + file));
      return;
    }
    checks.add(free ? Check.ok("store lock", "free")
        : Check.problem("store lock", "held by " + holder(file) + self, "wait for the running sync or schedule to finish"));
  }

  private static String holder(Path file) {
    String pid;
    try {
      pid = Files.readString(file, StandardCharsets.US_ASCII).strip();
    } catch (IOException e) {
      return "another run";
    }
    if (!pid.matches("\\d{1,19}")) {
      return "another run";
    }
    String command = ProcessHandle.of(Long.parseLong(pid)).map(p -> describe(p.info())).orElse("");
    return "pid " + pid + command;
  }

  /** The holder's program and arguments without its class path, which says nothing and is long. */
  private static String describe(ProcessHandle.Info info) {
    if (info.command().isEmpty()) {
      return "";
    }
    StringBuilder s = new StringBuilder(": ").append(Path.of(info.command().get()).getFileName());
    // Linux may give the whole command line but no argument array: then split it at spaces.
    String[] args = info.arguments().filter(a -> a.length > 0)
        .or(() -> info.commandLine().map(c -> c.split(" ")).map(a -> java.util.Arrays.copyOfRange(a, 1, a.length)))
        .orElse(new String[0]);
    for (int i = 0; i < args.length; i++) {
      if (args[i].equals("-cp") || args[i].equals("-classpath") || args[i].equals("--class-path")) {
        i++;
      } else {
        s.append(' ').append(args[i]);
      }
    }
    return s.length() <= 160 ? s.toString() : s.substring(0, 157) + "...";
  }

  private boolean onlyLockFiles() {
    try (Stream<Path> entries = Files.list(dir)) {
      return entries.allMatch(p -> p.getFileName().toString().endsWith(".lock"));
    } catch (IOException e) {
      return false;
    }
  }
}
