package dev.followthrough.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.followthrough.github.GitHubSyncRequests;
import dev.followthrough.jira.JiraSyncRequests;
import org.junit.jupiter.api.Test;

/** The request economy of a 1,000-item sync, held to the floors ⌈N/50⌉ creates and ⌈N/100⌉ reads. */
class SyncRequestCountsTest {
  static final int N = 1000;

  @Test
  void jiraUsesBulkCreatesAndPagedSearches() {
    var runs = JiraSyncRequests.measure(N / 50, 50);
    var first = runs.get(0);
    assertThat(first.result().created()).hasSize(N);
    assertThat(first.requests()).containsEntry("POST /rest/api/3/issue/bulk", 20);
    assertThat(first.requests()).containsEntry("POST /rest/api/3/search/jql", 10);
    assertThat(first.requests().getOrDefault("GET /rest/api/3/user/search", 0)).isLessThanOrEqualTo(1);
    var again = runs.get(1);
    assertThat(again.writes()).isZero();
    assertThat(again.total()).isEqualTo(10);
  }

  @Test
  void gitHubCreatesOneByOneButReadsInPagesAndQuietReSyncsAreFree() {
    var runs = GitHubSyncRequests.measure(N / 50, 50);
    var first = runs.get(0);
    assertThat(first.result().created()).hasSize(N);
    assertThat(first.requests()).containsEntry("POST /repos/acme/ops/issues", N);
    var again = runs.get(1);
    assertThat(again.writes()).isZero();
    assertThat(again.requests()).containsEntry("GET /repos/acme/ops/issues", 10);
  }

  @Test
  void anUnchangedIncrementalReSyncOfAThousandItemsSendsOneRequestPerTracker() {
    var runs = new java.util.ArrayList<>(JiraSyncRequests.measureIncremental(N / 50, 50));
    runs.addAll(GitHubSyncRequests.measureIncremental(N / 50, 50));
    assertThat(runs).hasSize(3).allSatisfy(r -> {
      assertThat(r.result().unchanged()).as(r.name()).isEqualTo(N);
      assertThat(r.total()).as(r.name()).isLessThanOrEqualTo(1);
      assertThat(r.writes()).as(r.name()).isZero();
    });
  }
}
