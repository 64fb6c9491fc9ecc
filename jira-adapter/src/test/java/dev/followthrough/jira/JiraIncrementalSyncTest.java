package dev.followthrough.jira;

import static org.assertj.core.api.Assertions.assertThat;

import dev.followthrough.core.model.ActionItem;
import dev.followthrough.core.model.ItemStatus;
import dev.followthrough.core.model.Postmortem;
import dev.followthrough.core.store.ActionStore;
import dev.followthrough.core.sync.SyncEngine;
import dev.followthrough.core.sync.SyncMode;
import dev.followthrough.core.sync.SyncResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Incremental re-sync against the simulator: one search for the changed issues, Cloud and Data Center. */
class JiraIncrementalSyncTest {
  JiraFixture fixture;
  final ActionStore store = ActionStore.inMemory();
  JiraTracker tracker;

  void start(boolean cloud, Duration lag) {
    fixture = new JiraFixture(cloud, lag);
    tracker = fixture.tracker().changeFeed(true).build();
  }

  @AfterEach
  void stop() {
    fixture.close();
  }

  SyncEngine engine() {
    return SyncEngine.builder(store, tracker).clock(fixture.clock).sleeper(fixture.clock).build();
  }

  void fill(int postmortems, int items) {
    for (int p = 0; p < postmortems; p++) {
      List<ActionItem> list = new ArrayList<>();
      for (int i = 0; i < items; i++) {
        list.add(ActionItem.open("item-" + i, "Item " + i + " of incident " + p));
      }
      store.insert(new Postmortem("pm-" + p, "Incident " + p, null, null, null, null, list, null, null));
    }
  }

  ActionItem item(String pm, String id) {
    return store.find(pm).orElseThrow().postmortem().item(id).orElseThrow();
  }

  String key(String pm, String id) {
    return item(pm, id).tickets().get(0).key();
  }

  String searchPath() {
    return fixture.cloud ? "/search/jql" : "/search";
  }

  /** The first sync is full; the next reads the new issues once more; then nothing is listed. */
  void settle() {
    assertThat(engine().sync().mode()).isEqualTo(SyncMode.FULL);
    for (int i = 0; i < 2; i++) {
      fixture.clock.advance(Duration.ofMinutes(10));
      assertThat(engine().sync().mode()).isEqualTo(SyncMode.INCREMENTAL);
    }
    fixture.resetRequests();
  }

  @ParameterizedTest(name = "cloud={0}")
  @ValueSource(booleans = {true, false})
  void anUnchangedResyncOfAThousandItemsSendsOneSearch(boolean cloud) {
    start(cloud, JiraFixture.LAG);
    fill(10, 100);
    settle();
    fixture.clock.advance(Duration.ofMinutes(10));
    SyncResult again = engine().sync();
    assertThat(again.mode()).isEqualTo(SyncMode.INCREMENTAL);
    assertThat(again.unchanged()).isEqualTo(1000);
    assertThat(fixture.server.getAllServeEvents()).hasSize(1);
    String body = fixture.requests("POST", searchPath()).get(0).getRequest().getBodyAsString();
    assertThat(body).contains("labels = \\\"followthrough\\\" AND updated >= ").contains("ORDER BY updated ASC, key ASC");
  }

  @ParameterizedTest(name = "cloud={0}")
  @ValueSource(booleans = {true, false})
  void anIssueClosedInJiraIsPulledByTheNextIncrementalSync(boolean cloud) {
    start(cloud, JiraFixture.LAG);
    fill(1, 5);
    settle();
    fixture.jira.setStatus(key("pm-0", "item-3"), "done", "Done", "Done");
    fixture.clock.advance(JiraFixture.LAG);
    SyncResult r = engine().sync();
    assertThat(r.mode()).isEqualTo(SyncMode.INCREMENTAL);
    assertThat(r.pulled()).hasSize(1);
    assertThat(item("pm-0", "item-3").status()).isEqualTo(ItemStatus.DONE);
    assertThat(fixture.server.getAllServeEvents()).hasSize(1);
  }

  /**
   * Jira's clock is three minutes behind this machine's, and its index 30 s behind its writes: a
   * change made just before a sync is invisible to it and stamped before that sync began. The
   * default overlap (search lag plus five minutes) still brings it in on the next sync.
   */
  @Test
  void aChangeStampedBeforeTheLastReadByALaggingSkewedJiraIsPulledLater() {
    start(true, JiraFixture.LAG);
    fixture.jira.clockSkew(Duration.ofMinutes(-3));
    fill(1, 3);
    settle();
    fixture.jira.setStatus(key("pm-0", "item-2"), "indeterminate", "In Progress", null);
    fixture.clock.advance(JiraFixture.LAG);
    assertThat(engine().sync().pulled()).as("a change that moves the watermark to this read").hasSize(1);
    fixture.clock.advance(Duration.ofSeconds(5));
    fixture.jira.setStatus(key("pm-0", "item-1"), "done", "Done", "Done");
    fixture.clock.advance(Duration.ofSeconds(5));
    assertThat(engine().sync().pulled()).as("inside the search lag").isEmpty();
    fixture.clock.advance(Duration.ofMinutes(1));
    SyncResult later = engine().sync();
    assertThat(later.mode()).isEqualTo(SyncMode.INCREMENTAL);
    assertThat(item("pm-0", "item-1").status()).isEqualTo(ItemStatus.DONE);
  }

  /**
   * Data Center pages by offset: an issue changed after the first page was read moves to the end,
   * so the second page starts one issue later and the issue that slid onto the first page is never
   * listed. Its change is older than the overlap, so a later sync would not list it either: the
   * feed must notice the repeated issue and read again.
   */
  @Test
  void dataCenterOffsetPagingThatShiftsUnderAChangeIsReadAgain() {
    start(false, Duration.ZERO);
    fill(1, 150);
    assertThat(engine().sync().mode()).isEqualTo(SyncMode.FULL);
    fixture.clock.advance(Duration.ofMinutes(1));
    for (int i = 0; i < 150; i++) {
      fixture.jira.setStatus(key("pm-0", "item-" + i), "indeterminate", "In Progress", null);
      fixture.clock.advance(Duration.ofMillis(10));
    }
    fixture.clock.advance(Duration.ofMinutes(10));
    String first = key("pm-0", "item-0");
    fixture.jira.faults.afterEachRequest(n -> {
      if (n == 1) {
        fixture.jira.setStatus(first, "done", "Done", "Done");
      }
    });
    SyncResult r = engine().sync();
    fixture.jira.faults.afterEachRequest(null);
    assertThat(r.mode()).isEqualTo(SyncMode.INCREMENTAL);
    fixture.clock.advance(Duration.ofMinutes(1));
    engine().sync();
    assertThat(item("pm-0", "item-0").status()).isEqualTo(ItemStatus.DONE);
    for (int i = 1; i < 150; i++) {
      assertThat(item("pm-0", "item-" + i).status()).as("item-" + i).isEqualTo(ItemStatus.IN_PROGRESS);
    }
  }

  @Test
  void anIssueMadeBeforeTheMarkerLabelGetsItAndIsListedFromThenOn() {
    start(true, JiraFixture.LAG);
    fill(1, 1);
    settle();
    String k = key("pm-0", "item-0");
    fixture.jira.relabel(k, "followthrough", "postmortem");
    fixture.clock.advance(Duration.ofMinutes(1));
    assertThat(engine().syncFull().updated()).as("the labels are sent again").hasSize(1);
    assertThat(JiraIssueStore.labels(fixture.jira.issues().get(0).path("fields"))).contains("followthrough");
  }
}
