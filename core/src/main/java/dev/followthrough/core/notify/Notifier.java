package dev.followthrough.core.notify;

import dev.followthrough.core.report.OverdueReport;

/** Tells people about an overdue report: comments on tickets, a chat message, an e-mail… */
public interface Notifier {
  /** Names the notifier in results and messages. */
  String name();

  /** Sends what this notifier sends for the report; failures are listed, not thrown. */
  NotifyResult send(OverdueReport report);
}
