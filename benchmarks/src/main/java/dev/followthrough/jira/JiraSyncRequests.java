package dev.followthrough.jira;

import dev.followthrough.benchmarks.SyncMeasurement;
import dev.followthrough.core.store.ActionStore;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** Requests per item for a first sync and a re-sync of N items against the Jira simulator. */
public final class JiraSyncRequests {
  private JiraSyncRequests() {}

  public static List<SyncMeasurement.Run> measure(int postmortems, int itemsEach) {
    try (JiraFixture fixture = new JiraFixture(true, Duration.ZERO)) {
      JiraTracker tracker = fixture.tracker().users(Map.of("erin", "5b10ac8d82e05b22cc7d4ef5")).build();
      ActionStore store = SyncMeasurement.store(postmortems, itemsEach);
      int n = postmortems * itemsEach;
      var first = SyncMeasurement.sync("Jira Cloud, first sync", store, tracker, fixture.clock, fixture.server, n);
      var again = SyncMeasurement.sync("Jira Cloud, unchanged re-sync", store, tracker, fixture.clock, fixture.server, n);
      return List.of(first, again);
    }
  }

  /** An unchanged incremental re-sync of N items, on Cloud and on Data Center. */
  public static List<SyncMeasurement.Run> measureIncremental(int postmortems, int itemsEach) {
    int n = postmortems * itemsEach;
    List<SyncMeasurement.Run> runs = new java.util.ArrayList<>();
    for (boolean cloud : new boolean[] {true, false}) {
      try (JiraFixture fixture = new JiraFixture(cloud, JiraFixture.LAG)) {
        JiraTracker tracker = fixture.tracker().users(Map.of("erin", "5b10ac8d82e05b22cc7d4ef5")).changeFeed(true).build();
        runs.add(SyncMeasurement.incremental((cloud ? "Jira Cloud" : "Jira Data Center") + ", unchanged re-sync, incremental",
            SyncMeasurement.store(postmortems, itemsEach), tracker, fixture.clock, fixture.server, n));
      }
    }
    return runs;
  }
}
