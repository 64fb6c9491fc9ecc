package dev.followthrough.core.sync;

import java.util.List;

/**
 * What a sync did. A run with failures still did everything else it could.
 *
 * @param conflicts fields changed on both sides, resolved by the configured rule
 * @param failures items whose change did not happen, with the reason
 */
public record SyncResult(
    List<ItemRef> created,
    List<ItemRef> adopted,
    List<ItemRef> updated,
    List<ItemRef> transitioned,
    List<ItemRef> pulled,
    List<ItemRef> conflicts,
    List<Failure> failures,
    int unchanged) {

  public SyncResult {
    created = List.copyOf(created);
    adopted = List.copyOf(adopted);
    updated = List.copyOf(updated);
    transitioned = List.copyOf(transitioned);
    pulled = List.copyOf(pulled);
    conflicts = List.copyOf(conflicts);
    failures = List.copyOf(failures);
  }

  /** An item whose change failed. */
  public record Failure(ItemRef item, String reason) {}

  public boolean succeeded() {
    return failures.isEmpty();
  }

  public String summary() {
    return created.size() + " created, " + adopted.size() + " adopted, " + updated.size() + " updated, "
        + transitioned.size() + " moved, " + pulled.size() + " pulled, " + conflicts.size() + " conflicts, "
        + failures.size() + " failed, " + unchanged + " unchanged";
  }
}
