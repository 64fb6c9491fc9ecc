package dev.followthrough.core.store;

import dev.followthrough.core.model.ActionItem;
import dev.followthrough.core.model.Verification;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Set;

/**
 * The items a report lists one by one, as opposed to the ones it only counts: open items due by
 * {@code dueBy} or without an owner; items whose verification is pending past {@code asOf}; open
 * items of the postmortems in {@code recurred}.
 *
 * @param dueBy the last day that counts as due soon
 * @param asOf the report's day
 * @param recurred postmortems whose incident happened again
 */
public record ReportSelection(LocalDate dueBy, LocalDate asOf, Set<String> recurred) {
  public ReportSelection {
    Objects.requireNonNull(dueBy, "dueBy");
    Objects.requireNonNull(asOf, "asOf");
    recurred = Set.copyOf(recurred);
  }

  /** The definition every store's {@link ReportData#items} must agree with. */
  public boolean matches(String postmortemId, ActionItem item) {
    boolean open = !item.status().isClosed();
    if (open && (item.owner() == null || (item.dueDate() != null && !item.dueDate().isAfter(dueBy)))) {
      return true;
    }
    Verification v = item.verification();
    return (v != null && v.isOverdue(asOf)) || (open && recurred.contains(postmortemId));
  }
}
