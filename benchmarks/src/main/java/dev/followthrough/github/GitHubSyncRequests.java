package dev.followthrough.github;

import dev.followthrough.benchmarks.SyncMeasurement;
import dev.followthrough.core.store.ActionStore;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** Requests per item for a first sync and re-syncs of N items against the GitHub simulator. */
public final class GitHubSyncRequests {
  private GitHubSyncRequests() {}

  public static List<SyncMeasurement.Run> measure(int postmortems, int itemsEach) {
    try (GitHubFixture fixture = new GitHubFixture()) {
      fixture.github.addUser("sam");
      // No pacing here: this counts requests; pacing only spaces them out in time.
      GitHubTracker tracker = fixture.tracker().createInterval(Duration.ZERO).users(Map.of()).build();
      ActionStore store = SyncMeasurement.store(postmortems, itemsEach);
      int n = postmortems * itemsEach;
      var first = SyncMeasurement.sync("GitHub, first sync", store, tracker, fixture.clock, fixture.server, n);
      var again = SyncMeasurement.sync("GitHub, unchanged re-sync", store, tracker, fixture.clock, fixture.server, n);
      int before = tracker.notModifiedAnswers();
      var cached = SyncMeasurement.sync("GitHub, next re-sync (ETag)", store, tracker, fixture.clock, fixture.server, n);
      System.out.println("GitHub: " + (tracker.notModifiedAnswers() - before) + " of " + cached.total()
          + " reads in the last re-sync were answered 304 Not Modified");
      return List.of(first, again, cached);
    }
  }

  /** An unchanged incremental re-sync of N items: one conditional list, answered 304. */
  public static List<SyncMeasurement.Run> measureIncremental(int postmortems, int itemsEach) {
    try (GitHubFixture fixture = new GitHubFixture()) {
      fixture.github.addUser("sam");
      GitHubTracker tracker = fixture.tracker().createInterval(Duration.ZERO).users(Map.of()).changeFeed(true).build();
      int before = tracker.notModifiedAnswers();
      var run = SyncMeasurement.incremental("GitHub, unchanged re-sync, incremental", SyncMeasurement.store(postmortems, itemsEach),
          tracker, fixture.clock, fixture.server, postmortems * itemsEach);
      System.out.println("GitHub incremental: " + (tracker.notModifiedAnswers() - before) + " of " + run.total()
          + " reads answered 304 Not Modified");
      return List.of(run);
    }
  }
}
