package dev.followthrough.tck;

import java.time.Duration;

/** Reminders before due dates against the in-memory tracker. */
class InMemoryDueReminderTest extends DueReminderKit {
  @Override
  protected SyncFaultMatrix.Subject subject() {
    return new InMemorySyncFaultMatrixTest().subject(Duration.ZERO);
  }
}
