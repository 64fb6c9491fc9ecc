package dev.followthrough.benchmarks;

/** Synthetic postmortems of a chosen size, in the styles the importer reads. */
final class Documents {
  private Documents() {}

  /**
   * A Markdown postmortem of about {@code bytes} bytes: summary fields, a timeline and action
   * items grow together, as they do in long real documents.
   */
  static String markdown(int bytes) {
    StringBuilder doc = new StringBuilder("""
        ---
        title: Payment webhook backlog
        severity: SEV2
        ---
        # Payment webhook backlog

        ## Summary

        - **Duration:** 2025-05-03 14:05 to 2025-05-03 18:40 (UTC)
        - **Impact:** about 12% of checkouts were confirmed late.
        - **Root cause:** a blocking index build held a lock the consumer needed.

        ## Timeline

        """);
    StringBuilder tasks = new StringBuilder("\n## Action items\n\n| Action item | Owner | Priority | Due |\n|---|---|---|---|\n");
    int i = 0;
    while (doc.length() + tasks.length() < bytes) {
      doc.append(String.format("- %02d:%02d Consumer lag grows on partition %d; on-call checks the dashboards%n",
          (14 + i / 60) % 24, i % 60, i));
      if (i % 4 == 0) {
        tasks.append("| Add alert number ").append(i).append(" on queue age | @erin | P2 | 2025-06-01 |\n");
      }
      i++;
    }
    return doc.append(tasks).toString();
  }

  /** A plain-text postmortem of about {@code bytes} bytes with labels and Name: description items. */
  static String plainText(int bytes) {
    StringBuilder doc = new StringBuilder("""
        Issue Postmortem: Web Stack Outage

        Issue Summary:
        Duration: 3 hours (from 2023-08-06 10:15 AM to 2023-08-06 1:15 PM, UTC)
        Impact: approximately 25% of the users.
        Root Cause: a database deadlock.

        Timeline:
        """);
    StringBuilder tasks = new StringBuilder("\nTasks to Address the Issue:\n\n");
    int i = 0;
    while (doc.length() + tasks.length() < bytes) {
      doc.append(String.format("%d:%02d AM (UTC): Engineers look at server %d and its logs.%n", 1 + (i / 60) % 11, i % 60, i));
      if (i % 4 == 0) {
        tasks.append("Review Service ").append(i).append(": Review the data handling logic of service ").append(i).append(".\n\n");
      }
      i++;
    }
    return doc.append(tasks).toString();
  }
}
