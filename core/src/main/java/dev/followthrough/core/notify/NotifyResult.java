package dev.followthrough.core.notify;

import java.util.List;

/**
 * What one notifier did.
 *
 * @param sent messages sent
 * @param skipped items passed over (no ticket, or reminded within the period)
 * @param failures what could not be sent, each naming its item or target
 */
public record NotifyResult(String notifier, int sent, int skipped, List<String> failures) {
  public NotifyResult {
    failures = List.copyOf(failures);
  }

  public boolean succeeded() {
    return failures.isEmpty();
  }
}
