package dev.followthrough.core.sync;

import dev.followthrough.core.notify.WebhookNotifier;
import java.util.List;
import java.util.TreeSet;

/**
 * Reminders before an open item falls due ({@code notify.beforeDue: [7d, 1d]}): {@code sync}
 * comments on its ticket once for each of these days before the due date, and posts the run's
 * reminders to the chat webhook when one is configured.
 *
 * @param daysBefore calendar days before the due date, each 1 or more; empty for no reminders
 * @param chat the chat webhook, or {@code null}
 */
public record BeforeDue(List<Integer> daysBefore, WebhookNotifier chat) {
  public BeforeDue {
    daysBefore = daysBefore == null ? List.of() : List.copyOf(new TreeSet<>(daysBefore));
    if (daysBefore.stream().anyMatch(d -> d < 1)) {
      throw new IllegalArgumentException("beforeDue: every reminder is 1 day or more before the due date");
    }
  }

  /** No reminders before due dates. */
  public static BeforeDue none() {
    return new BeforeDue(List.of(), null);
  }

  public boolean isEmpty() {
    return daysBefore.isEmpty();
  }
}
