package dev.followthrough.core.model;

import java.time.Instant;

/**
 * One recorded change of an action item.
 *
 * @param field the field that changed, such as {@code status} or {@code owner}
 * @param from the old value as text, or {@code null}
 * @param to the new value as text, or {@code null}
 * @param actor who made the change when known (a tracker account, a user name), else {@code null}
 */
public record HistoryEntry(
    Instant at, ChangeOrigin origin, String field, String from, String to, String actor) {
  public HistoryEntry {
    new Problems("history entry")
        .notNull("at", at)
        .notNull("origin", origin)
        .notBlank("field", field)
        .throwIfAny();
  }
}
