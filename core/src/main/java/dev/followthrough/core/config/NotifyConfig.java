package dev.followthrough.core.config;

import java.time.Duration;

/**
 * The {@code notify:} section: where {@code report --notify} sends reminders.
 *
 * @param webhook a Slack-compatible incoming-webhook URL (a secret: its path grants posting), or
 *     {@code null}
 * @param comments whether overdue tickets get a reminder comment
 * @param commentEvery at most one reminder per item in this period
 */
public record NotifyConfig(Secret webhook, boolean comments, Duration commentEvery) {
  public NotifyConfig {
    commentEvery = commentEvery == null ? Duration.ofDays(7) : commentEvery;
  }
}
