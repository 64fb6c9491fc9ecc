package dev.followthrough.core.sync;

import java.time.Instant;
import java.util.List;

/**
 * What a sync would do: the output of {@link SyncEngine#plan()}, the input of {@link
 * SyncEngine#apply}. Plans are read-only; building one changes nothing, here or in the tracker.
 *
 * @param unchanged linked items that need nothing
 */
public record SyncPlan(String tracker, Instant madeAt, List<PlannedAction> actions, int unchanged) {
  public SyncPlan {
    actions = List.copyOf(actions);
  }

  public boolean isEmpty() {
    return actions.isEmpty();
  }

  /** The plan as {@code plan} prints it, one line per action. */
  public String describe() {
    StringBuilder out = new StringBuilder();
    for (PlannedAction a : actions) {
      out.append(a.describe()).append('\n');
    }
    out.append(actions.size()).append(actions.size() == 1 ? " change, " : " changes, ").append(unchanged)
        .append(" items already in sync with ").append(tracker).append('\n');
    return out.toString();
  }
}
