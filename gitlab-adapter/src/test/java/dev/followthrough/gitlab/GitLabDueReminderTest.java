package dev.followthrough.gitlab;

import dev.followthrough.tck.DueReminderKit;
import dev.followthrough.tck.SyncFaultMatrix;
import java.time.Duration;

/** Reminders before due dates against the GitLab simulator, applied-then-5xx answers included. */
class GitLabDueReminderTest extends DueReminderKit {
  @Override
  protected SyncFaultMatrix.Subject subject() {
    return new GitLabSyncFaultMatrixTest().subject(Duration.ZERO);
  }
}
