package dev.followthrough.core;

import dev.followthrough.core.importer.ParseResult;
import dev.followthrough.core.importer.PostmortemImporter;
import dev.followthrough.core.model.Postmortem;
import dev.followthrough.core.config.ConflictRule;
import dev.followthrough.core.internal.Recurrences;
import dev.followthrough.core.policy.DueDatePolicy;
import dev.followthrough.core.policy.VerificationPolicy;
import dev.followthrough.core.recurrence.RecurrenceDetector;
import dev.followthrough.core.recurrence.RecurrenceIndex;
import dev.followthrough.core.store.ActionStore;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * One run of imports into a store, from {@link Followthrough#importSession()}: the stored
 * postmortems that new ones are compared with for recurrences are read once, when the first new
 * postmortem arrives, and each postmortem this session adds joins them. A recurrence records the
 * earlier incident's items as they were then; postmortems that other processes add meanwhile are
 * not compared until the next session. Not thread-safe.
 */
public final class ImportSession {
  private final ActionStore store;
  private final DueDatePolicy policy;
  private final VerificationPolicy verification;
  private final Clock clock;
  private final ConflictRule conflicts;
  private final PostmortemImporter importer;
  private final RecurrenceDetector detector;
  private RecurrenceIndex index;

  ImportSession(ActionStore store, DueDatePolicy policy, VerificationPolicy verification, Clock clock,
      ConflictRule conflicts, PostmortemImporter importer, RecurrenceDetector detector) {
    this.conflicts = conflicts;
    this.store = store;
    this.policy = policy;
    this.verification = verification;
    this.clock = clock;
    this.importer = importer;
    this.detector = detector;
  }

  /**
   * Imports a file, or every document below a directory, in name order, as {@link
   * #importDocuments} does; stops at the first document that cannot be imported (those before it
   * stay imported).
   */
  public List<ImportResult> importPath(Path path) {
    List<ImportResult> results = new ArrayList<>();
    new BatchedImport(importer, store, this::importParsed).run(importer.documents(path), true, outcome -> {
      if (outcome.failure() != null) {
        throw outcome.failure();
      }
      results.add(outcome.result());
    });
    return results;
  }

  /** What became of one document: its result, or why it could not be imported. */
  public record Outcome(Path file, ImportResult result, DocumentException failure) {}

  /**
   * Imports the files in order, in batches that the store makes durable with one flush each
   * ({@link ActionStore#batch()}): {@code acknowledged} hears of each document, in order, once
   * its batch is durable. The documents are parsed ahead on a second thread. A document that
   * cannot be read is reported as a failure and the others are imported.
   */
  public void importDocuments(List<Path> files, Consumer<Outcome> acknowledged) {
    new BatchedImport(importer, store, this::importParsed).run(files, false, acknowledged);
  }

  /** As {@link Followthrough#importDocument}. */
  public ImportResult importDocument(Path file) {
    return importParsed(importer.parse(file));
  }

  /** As {@link Followthrough#importParsed}. */
  public ImportResult importParsed(ParseResult parsed) {
    Postmortem[] inserted = new Postmortem[1];
    ImportResult result = ImportIntoStore.run(store, policy, verification, clock, conflicts, parsed, p -> {
      inserted[0] = Recurrences.find(index(), p);
      return inserted[0];
    });
    if (result.created()) {
      index.add(inserted[0]);
      // An incident older than some already stored: they may repeat it.
      Recurrences.recordOnLater(store, index, inserted[0]);
    }
    return result;
  }

  private RecurrenceIndex index() {
    if (index == null) {
      index = new RecurrenceIndex(detector);
      store.findAll().forEach(stored -> index.add(stored.postmortem()));
    }
    return index;
  }
}
