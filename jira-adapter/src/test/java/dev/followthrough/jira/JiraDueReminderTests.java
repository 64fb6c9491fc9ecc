package dev.followthrough.jira;

import dev.followthrough.tck.DueReminderKit;
import dev.followthrough.tck.SyncFaultMatrix;
import java.time.Duration;
import org.junit.jupiter.api.Nested;

/** Reminders before due dates against the Jira simulator, Cloud and Data Center. */
class JiraDueReminderTests {
  @Nested
  class Cloud extends DueReminderKit {
    @Override
    protected SyncFaultMatrix.Subject subject() {
      return JiraSyncFaultMatrixTests.subject(true, Duration.ZERO);
    }
  }

  @Nested
  class DataCenter extends DueReminderKit {
    @Override
    protected SyncFaultMatrix.Subject subject() {
      return JiraSyncFaultMatrixTests.subject(false, Duration.ZERO);
    }
  }
}
