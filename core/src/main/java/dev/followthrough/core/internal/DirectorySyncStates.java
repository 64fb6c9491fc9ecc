package dev.followthrough.core.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.followthrough.core.json.JsonFormat;
import dev.followthrough.core.store.StoreException;
import dev.followthrough.core.store.SyncState;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;

/**
 * The sync states of a directory store, in one {@code sync-state.json} beside {@code store.json}:
 * {@code {"schemaVersion": 1, "trackers": {"<scope>": {"watermark": …, "lastFullAt": …}}}}, replaced
 * atomically under the writers' lock, so a killed writer leaves the old file or the new one.
 */
final class DirectorySyncStates {
  static final String FILE = "sync-state.json";

  private final Path file;
  private final StoreLock lock;
  private final JsonFormat json = JsonFormat.json();

  DirectorySyncStates(Path dir, StoreLock lock) {
    this.file = dir.resolve(FILE);
    this.lock = lock;
  }

  Optional<SyncState> find(String scope) {
    JsonNode entry = read().path("trackers").get(scope);
    if (entry == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(new SyncState(Instant.parse(entry.path("watermark").asText()),
          Instant.parse(entry.path("lastFullAt").asText())));
    } catch (RuntimeException e) {
      throw damaged("the entry for " + scope + " has no valid watermark and lastFullAt");
    }
  }

  /** A step the store takes under the lock before writing, such as marking the directory as a store. */
  interface Preparation {
    void run() throws IOException;
  }

  void save(String scope, SyncState state, Preparation prepare) {
    try (StoreLock.Held held = lock.acquire()) {
      prepare.run();
      ObjectNode root = read();
      root.put("schemaVersion", JsonFormat.SCHEMA_VERSION);
      ObjectNode trackers = root.has("trackers") ? (ObjectNode) root.get("trackers") : root.putObject("trackers");
      ObjectNode entry = trackers.putObject(scope);
      entry.put("watermark", state.watermark().toString());
      entry.put("lastFullAt", state.lastFullAt().toString());
      AtomicFiles.write(file, json.write(root));
    } catch (IOException e) {
      throw new StoreException("cannot write " + file + ": " + e.getMessage(), e);
    }
  }

  private ObjectNode read() {
    if (!Files.exists(file)) {
      return json.object();
    }
    try {
      JsonNode root = json.parseTree(Files.readString(file), file.toString());
      JsonFormat.requireSchemaVersion(root, file.toString());
      if (!root.isObject() || (root.has("trackers") && !root.get("trackers").isObject())) {
        throw damaged("it is not an object of trackers");
      }
      return (ObjectNode) root;
    } catch (IOException e) {
      throw new StoreException("cannot read " + file + ": " + e.getMessage(), e);
    } catch (StoreException e) {
      throw e;
    } catch (RuntimeException e) {
      throw damaged(e.getMessage());
    }
  }

  private StoreException damaged(String details) {
    return new StoreException("store file " + file + " is damaged: " + details
        + ". Move it away: the next sync then reads every ticket and writes it again.");
  }
}
