package dev.followthrough.core.sync;

import java.time.LocalDate;

/**
 * A reminder before a due date that a sync posts, or that {@code plan} shows it would post.
 *
 * @param daysBefore which of the configured reminders this is ({@code 7} for {@code 7d})
 * @param daysLeft days from today to the due date
 */
public record DueReminder(ItemRef item, String ticketKey, LocalDate dueDate, int daysBefore, long daysLeft) {
  /** {@code remind OPS-3 (pm/item): due 2026-12-14, in 7 days}. */
  public String describe() {
    return "remind " + ticketKey + " (" + item.postmortemId() + "/" + item.itemId() + "): due " + dueDate + ", "
        + (daysLeft == 0 ? "today" : daysLeft == 1 ? "tomorrow" : "in " + daysLeft + " days");
  }
}
