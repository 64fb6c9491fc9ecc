package dev.followthrough.benchmarks;

import dev.followthrough.github.GitHubSyncRequests;
import dev.followthrough.jira.JiraSyncRequests;
import java.util.ArrayList;
import java.util.List;

/**
 * Prints requests per item for syncing N action items (default 1,000) with Jira and GitHub
 * simulators, next to the floors of ⌈N/50⌉ bulk creates and ⌈N/100⌉ reads, and the requests of an
 * unchanged incremental re-sync (Jira Cloud, Data Center and GitHub), which should be one.
 *
 * <p>{@code java -cp benchmarks/target/benchmarks.jar dev.followthrough.benchmarks.SyncRequestCounts [N] [incremental]};
 * with {@code incremental}, only the unchanged incremental re-syncs are measured.
 */
public final class SyncRequestCounts {
  private SyncRequestCounts() {}

  public static void main(String[] args) {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
    boolean onlyIncremental = args.length > 1 && args[1].equals("incremental");
    List<SyncMeasurement.Run> runs = new ArrayList<>();
    if (!onlyIncremental) {
      runs.addAll(JiraSyncRequests.measure(n / 50, 50));
      runs.addAll(GitHubSyncRequests.measure(n / 50, 50));
    }
    runs.addAll(JiraSyncRequests.measureIncremental(n / 50, 50));
    runs.addAll(GitHubSyncRequests.measureIncremental(n / 50, 50));
    System.out.println("Floors for N = " + n + ": " + ceil(n, 50) + " bulk creates, " + ceil(n, 100) + " reads of 100");
    System.out.print(SyncMeasurement.table(runs));
  }

  static int ceil(int n, int per) {
    return (n + per - 1) / per;
  }
}
