package dev.followthrough.core.sync;

import java.time.Instant;
import java.util.List;

/**
 * What a sync would do: the output of {@link SyncEngine#plan()}, the input of {@link
 * SyncEngine#sync()}. Plans are read-only; building one changes nothing, here or in the tracker.
 *
 * @param unchanged linked items that need nothing
 * @param deleted items already known to have a deleted ticket: nothing is done for them, and
 *     they are named so that a person acts
 * @param mode whether it read every linked ticket, only the changed ones, or only named ones
 */
public record SyncPlan(String tracker, Instant madeAt, List<PlannedAction> actions, int unchanged,
    List<DeletedTicket> deleted, SyncMode mode) {
  public SyncPlan {
    actions = List.copyOf(actions);
    deleted = deleted == null ? List.of() : List.copyOf(deleted);
    mode = mode == null ? SyncMode.FULL : mode;
  }

  public SyncPlan(String tracker, Instant madeAt, List<PlannedAction> actions, int unchanged, List<DeletedTicket> deleted) {
    this(tracker, madeAt, actions, unchanged, deleted, SyncMode.FULL);
  }

  public SyncPlan(String tracker, Instant madeAt, List<PlannedAction> actions, int unchanged) {
    this(tracker, madeAt, actions, unchanged, List.of());
  }

  public boolean isEmpty() {
    return actions.isEmpty();
  }

  /** The plan as {@code plan} prints it, one line per action, then the items with deleted tickets. */
  public String describe() {
    StringBuilder out = new StringBuilder();
    for (PlannedAction a : actions) {
      out.append(a.describe()).append('\n');
    }
    out.append(actions.size()).append(actions.size() == 1 ? " change, " : " changes, ").append(unchanged)
        .append(" items already in sync with ").append(tracker)
        .append(mode == SyncMode.INCREMENTAL ? " (read incrementally: only tickets changed since the last sync)" : "")
        .append('\n');
    for (DeletedTicket d : deleted) {
      out.append(d.describe()).append('\n');
    }
    return out.toString();
  }
}
