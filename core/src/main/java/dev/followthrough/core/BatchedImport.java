package dev.followthrough.core;

import dev.followthrough.core.importer.ParseResult;
import dev.followthrough.core.importer.PostmortemImporter;
import dev.followthrough.core.store.ActionStore;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Imports a list of documents for {@link ImportSession#importDocuments}: two threads parse ahead
 * while the calling thread merges and writes, and every {@link #BATCH} documents the store's batch
 * is committed, one flush for all of them, before they are acknowledged.
 */
final class BatchedImport {
  // Big enough that the flush costs little per document, small enough that a report of progress
  // (and what a crash can leave unacknowledged) stays short.
  static final int BATCH = 100;
  // Parsing takes about as long as the rest: two threads parse (the importer is thread-safe)
  // while this one merges and writes, and enough are parsed ahead to cover a commit's flush.
  private static final int PARSERS = 2;
  private static final int PARSED_AHEAD = 32;

  private final PostmortemImporter importer;
  private final ActionStore store;
  private final Function<ParseResult, ImportResult> importParsed;

  BatchedImport(PostmortemImporter importer, ActionStore store, Function<ParseResult, ImportResult> importParsed) {
    this.importer = importer;
    this.store = store;
    this.importParsed = importParsed;
  }

  /** With {@code stopAtFailure}, the first document that cannot be read ends the run, acknowledged. */
  void run(List<Path> files, boolean stopAtFailure, Consumer<ImportSession.Outcome> acknowledged) {
    ExecutorService parser = Executors.newFixedThreadPool(PARSERS, task -> {
      Thread thread = new Thread(task, "followthrough-parse");
      thread.setDaemon(true);
      return thread;
    });
    Deque<Future<ParseResult>> ahead = new ArrayDeque<>();
    int submitted = 0;
    List<ImportSession.Outcome> pending = new ArrayList<>();
    try (ActionStore.Batch batch = store.batch()) {
      for (Path file : files) {
        while (submitted < files.size() && ahead.size() < PARSED_AHEAD) {
          Path next = files.get(submitted++);
          ahead.add(parser.submit(() -> importer.parse(next)));
        }
        ImportSession.Outcome outcome = importOne(file, ahead.removeFirst());
        pending.add(outcome);
        if (pending.size() >= BATCH || (stopAtFailure && outcome.failure() != null)) {
          acknowledge(batch, pending, acknowledged);
        }
        if (stopAtFailure && outcome.failure() != null) {
          return;
        }
      }
      acknowledge(batch, pending, acknowledged);
    } finally {
      parser.shutdownNow();
    }
  }

  private ImportSession.Outcome importOne(Path file, Future<ParseResult> parsed) {
    try {
      return new ImportSession.Outcome(file, importParsed.apply(parsed(parsed)), null);
    } catch (DocumentException e) {
      return new ImportSession.Outcome(file, null, e);
    }
  }

  private static ParseResult parsed(Future<ParseResult> parsed) {
    try {
      return parsed.get();
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw new IllegalStateException(e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new FollowthroughException("interrupted while reading the documents");
    }
  }

  private static void acknowledge(ActionStore.Batch batch, List<ImportSession.Outcome> pending,
      Consumer<ImportSession.Outcome> acknowledged) {
    batch.commit();
    List<ImportSession.Outcome> durable = List.copyOf(pending);
    pending.clear();
    durable.forEach(acknowledged);
  }
}
