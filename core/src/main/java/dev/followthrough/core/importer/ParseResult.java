package dev.followthrough.core.importer;

import dev.followthrough.core.model.Diagnostic;
import dev.followthrough.core.model.Postmortem;
import java.util.List;

/**
 * A postmortem as its document wrote it, with what the importer skipped or guessed.
 *
 * @param diagnostics ordered by line
 */
public record ParseResult(Postmortem postmortem, List<Diagnostic> diagnostics) {
  public ParseResult {
    java.util.Objects.requireNonNull(postmortem, "postmortem");
    diagnostics = diagnostics == null ? List.of() : List.copyOf(diagnostics);
  }
}
