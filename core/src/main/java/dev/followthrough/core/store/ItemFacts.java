package dev.followthrough.core.store;

import dev.followthrough.core.model.ActionItem;
import dev.followthrough.core.model.HistoryEntry;
import dev.followthrough.core.model.ItemStatus;
import dev.followthrough.core.model.Priority;
import dev.followthrough.core.model.Verification;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * What a report counts of one action item, reduced to values a store can keep beside it and
 * group in a query. Derived by {@link #of} only, so every store counts items alike.
 *
 * @param dueDate the due date, or {@code null}
 * @param closedOn the day (UTC) the item last became DONE, for a DONE item whose history says so
 * @param daysToClose days from the incident to {@code closedOn}, when both are known
 * @param verification the state of its verification, or {@code null} when none was started
 * @param verificationDue when a verification is due, or {@code null}
 * @param verifiedOn the day (UTC) the verification was recorded, or {@code null}
 */
public record ItemFacts(Priority priority, ItemStatus status, LocalDate dueDate, LocalDate closedOn,
    Long daysToClose, Verification.State verification, LocalDate verificationDue, LocalDate verifiedOn) {

  public ItemFacts {
    Objects.requireNonNull(status, "status");
  }

  /**
   * The facts of an item.
   *
   * @param incidentDay the day of its postmortem's incident, or {@code null}
   */
  public static ItemFacts of(ActionItem item, LocalDate incidentDay) {
    LocalDate closedOn = item.status() == ItemStatus.DONE ? closedOn(item) : null;
    Long days = closedOn == null || incidentDay == null ? null : ChronoUnit.DAYS.between(incidentDay, closedOn);
    Verification v = item.verification();
    return new ItemFacts(item.priority(), item.status(), item.dueDate(), closedOn, days,
        v == null ? null : v.state(), v == null ? null : v.dueDate(),
        v == null || v.verifiedAt() == null ? null : LocalDate.ofInstant(v.verifiedAt(), ZoneOffset.UTC));
  }

  /** The day the item last became DONE, from its history, or {@code null}. */
  static LocalDate closedOn(ActionItem item) {
    HistoryEntry last = null;
    for (HistoryEntry h : item.history()) {
      if (h.field().equals("status") && ItemStatus.DONE.name().equals(h.to())) {
        last = h;
      }
    }
    return last == null ? null : LocalDate.ofInstant(last.at(), ZoneOffset.UTC);
  }

  /** Open and past its due date. */
  public boolean isOverdue(LocalDate asOf) {
    return dueDate != null && dueDate.isBefore(asOf) && !status.isClosed();
  }

  /** Verified either way. */
  public boolean isVerified() {
    return verification != null && verification != Verification.State.PENDING;
  }

  /** Still to verify and past its due date. */
  public boolean isVerificationOverdue(LocalDate asOf) {
    return verification == Verification.State.PENDING && verificationDue != null && verificationDue.isBefore(asOf);
  }
}
