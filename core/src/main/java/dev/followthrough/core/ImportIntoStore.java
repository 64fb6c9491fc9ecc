package dev.followthrough.core;

import dev.followthrough.core.importer.ParseResult;
import dev.followthrough.core.config.ConflictRule;
import dev.followthrough.core.internal.ReimportMerge;
import dev.followthrough.core.model.Postmortem;
import dev.followthrough.core.policy.DueDatePolicy;
import dev.followthrough.core.policy.VerificationPolicy;
import dev.followthrough.core.store.ActionStore;
import dev.followthrough.core.store.StaleVersionException;
import dev.followthrough.core.store.StoredPostmortem;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;
import java.util.function.UnaryOperator;

/** Adds a parsed postmortem to the store, or merges it into the stored one. */
final class ImportIntoStore {
  private static final int MERGE_ATTEMPTS = 5;

  private ImportIntoStore() {}

  /**
   * Applies the policies, then inserts or merges (same ids, local state kept, dropped items
   * flagged); {@code onInsert} may add to a postmortem seen for the first time (its recurrences).
   */
  static ImportResult run(ActionStore store, DueDatePolicy policy, VerificationPolicy verification, Clock clock,
      ConflictRule conflicts, ParseResult parsed, UnaryOperator<Postmortem> onInsert) {
    Postmortem stated = parsed.postmortem();
    LocalDate today = LocalDate.now(clock);
    Postmortem filled = verification.settle(policy.apply(stated, today), today);
    String path = stated.source() == null ? stated.id() : stated.source().path();
    for (int attempt = 1; ; attempt++) {
      Optional<StoredPostmortem> existing = store.find(stated.id());
      try {
        if (existing.isEmpty()) {
          Postmortem added = onInsert.apply(filled);
          StoredPostmortem saved = store.insert(added);
          return new ImportResult(path, saved.id(), true, filled.actionItems().size(), 0, 0, 0,
              saved.version(), parsed.diagnostics());
        }
        ReimportMerge.Outcome outcome =
            ReimportMerge.merge(existing.get().postmortem(), filled, stated, clock.instant(), conflicts);
        Postmortem merged = verification.settle(outcome.merged(), today);
        StoredPostmortem saved = merged.equals(existing.get().postmortem())
            ? existing.get()
            : store.update(merged, existing.get().version());
        return new ImportResult(path, saved.id(), false, outcome.added(), outcome.changed(),
            outcome.unchanged(), outcome.missing(), saved.version(), parsed.diagnostics());
      } catch (StaleVersionException e) {
        // Someone else wrote the same postmortem meanwhile: merge again on top of their version.
        if (attempt == MERGE_ATTEMPTS) {
          throw e;
        }
      }
    }
  }
}
