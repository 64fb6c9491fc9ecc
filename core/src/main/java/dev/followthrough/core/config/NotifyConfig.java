package dev.followthrough.core.config;

import java.time.Duration;
import java.util.List;

/**
 * The {@code notify:} section: where {@code report --notify} sends reminders.
 *
 * @param webhook a Slack-compatible incoming-webhook URL (a secret: its path grants posting), or
 *     {@code null}
 * @param comments whether overdue tickets get a reminder comment
 * @param commentEvery at most one reminder per item in this period
 * @param beforeDue days before an open item's due date when {@code sync} reminds on its ticket
 *     ({@code beforeDue: [7d, 1d]}); empty for none
 * @param unresolved set when the section names a variable that is not set: a command that sends
 *     anything must call {@link #requireResolved()} first
 */
public record NotifyConfig(Secret webhook, boolean comments, Duration commentEvery, List<Integer> beforeDue,
    Unresolved unresolved) {
  public NotifyConfig {
    commentEvery = commentEvery == null ? Duration.ofDays(7) : commentEvery;
    beforeDue = beforeDue == null ? List.of() : List.copyOf(beforeDue);
  }

  public NotifyConfig(Secret webhook, boolean comments, Duration commentEvery, List<Integer> beforeDue) {
    this(webhook, comments, commentEvery, beforeDue, null);
  }

  public NotifyConfig(Secret webhook, boolean comments, Duration commentEvery) {
    this(webhook, comments, commentEvery, List.of());
  }

  /** This section, once it is known that every variable it names is set. */
  public NotifyConfig requireResolved() {
    if (unresolved != null) {
      unresolved.fail();
    }
    return this;
  }
}
