package dev.followthrough.github;

import dev.followthrough.tck.DueReminderKit;
import dev.followthrough.tck.SyncFaultMatrix;
import java.time.Duration;

/** Reminders before due dates against the GitHub simulator. */
class GitHubDueReminderTest extends DueReminderKit {
  @Override
  protected SyncFaultMatrix.Subject subject() {
    return new GitHubSyncFaultMatrixTest().subject(Duration.ZERO);
  }
}
