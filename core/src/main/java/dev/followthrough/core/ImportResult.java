package dev.followthrough.core;

import dev.followthrough.core.model.Diagnostic;
import java.util.List;

/**
 * What importing one document did.
 *
 * @param created true when the postmortem was new to the store
 * @param added items new to the store
 * @param changed stored items the document changed
 * @param unchanged stored items the document left as they were
 * @param missing stored items the document no longer has (flagged, not deleted)
 */
public record ImportResult(
    String path,
    String postmortemId,
    boolean created,
    int added,
    int changed,
    int unchanged,
    int missing,
    long version,
    List<Diagnostic> diagnostics) {
  public ImportResult {
    diagnostics = List.copyOf(diagnostics);
  }
}
