package dev.followthrough.gitlab;

import dev.followthrough.benchmarks.SyncMeasurement;
import dev.followthrough.core.store.ActionStore;
import java.util.List;

/** Requests for a first sync and re-syncs of N items against the GitLab simulator. */
public final class GitLabSyncRequests {
  private GitLabSyncRequests() {}

  public static List<SyncMeasurement.Run> measure(int postmortems, int itemsEach) {
    try (GitLabFixture fixture = new GitLabFixture()) {
      fixture.gitlab.addUser("sam", null);
      GitLabTracker tracker = fixture.tracker().build();
      ActionStore store = SyncMeasurement.store(postmortems, itemsEach);
      int n = postmortems * itemsEach;
      var first = SyncMeasurement.sync("GitLab, first sync", store, tracker, fixture.clock, fixture.server, n);
      var again = SyncMeasurement.sync("GitLab, unchanged re-sync", store, tracker, fixture.clock, fixture.server, n);
      return List.of(first, again);
    }
  }

  /** An unchanged incremental re-sync of N items: one list of the issues changed since the watermark. */
  public static List<SyncMeasurement.Run> measureIncremental(int postmortems, int itemsEach) {
    try (GitLabFixture fixture = new GitLabFixture()) {
      fixture.gitlab.addUser("sam", null);
      return List.of(SyncMeasurement.incremental("GitLab, unchanged re-sync, incremental",
          SyncMeasurement.store(postmortems, itemsEach), fixture.tracker().build(), fixture.clock, fixture.server,
          postmortems * itemsEach));
    }
  }
}
