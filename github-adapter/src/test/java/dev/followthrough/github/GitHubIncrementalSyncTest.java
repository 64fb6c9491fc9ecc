package dev.followthrough.github;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import dev.followthrough.core.model.ActionItem;
import dev.followthrough.core.model.ItemStatus;
import dev.followthrough.core.model.Postmortem;
import dev.followthrough.core.store.ActionStore;
import dev.followthrough.core.sync.SyncEngine;
import dev.followthrough.core.sync.SyncMode;
import dev.followthrough.core.sync.SyncResult;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Incremental re-sync against the simulator: one conditional list of the changed issues. */
class GitHubIncrementalSyncTest {
  final GitHubFixture fixture = new GitHubFixture();
  final ActionStore store = ActionStore.inMemory();
  final GitHubTracker tracker = fixture.tracker().createInterval(Duration.ZERO).changeFeed(true).build();

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

  int number(String pm, String id) {
    return Integer.parseInt(item(pm, id).tickets().get(0).key());
  }

  List<ServeEvent> lists() {
    return fixture.server.getAllServeEvents().stream().filter(e -> e.getRequest().getUrl().startsWith("/repos/acme/ops/issues?"))
        .toList();
  }

  /** The first sync is full; the next reads the new issues once more; the third lists nothing. */
  void settle() {
    assertThat(engine().sync().mode()).isEqualTo(SyncMode.FULL);
    for (int i = 0; i < 2; i++) {
      fixture.clock.advance(Duration.ofMinutes(10));
      assertThat(engine().sync().mode()).isEqualTo(SyncMode.INCREMENTAL);
    }
    fixture.server.resetRequests();
  }

  @Test
  void anUnchangedResyncOfAThousandItemsIsOneRequestAnsweredNotModified() {
    fill(10, 100);
    settle();
    int before = tracker.notModifiedAnswers();
    for (int run = 0; run < 2; run++) {
      fixture.clock.advance(Duration.ofMinutes(10));
      SyncResult again = engine().sync();
      assertThat(again.mode()).isEqualTo(SyncMode.INCREMENTAL);
      assertThat(again.unchanged()).isEqualTo(1000);
    }
    assertThat(fixture.server.getAllServeEvents()).hasSize(2);
    assertThat(lists()).hasSize(2).allSatisfy(e -> assertThat(e.getRequest().getHeader("If-None-Match")).isNotBlank());
    assertThat(lists().get(0).getRequest().getUrl()).as("since kept while nothing changes")
        .isEqualTo(lists().get(1).getRequest().getUrl())
        .contains("since=").contains("sort=updated").contains("direction=asc").contains("state=all").contains("per_page=100");
    assertThat(tracker.notModifiedAnswers() - before).isEqualTo(2);
  }

  @Test
  void anIssueClosedOnGitHubIsPulledByTheNextIncrementalSync() {
    fill(1, 5);
    settle();
    fixture.github.close(number("pm-0", "item-2"), "not_planned");
    fixture.clock.advance(Duration.ofSeconds(20));
    SyncResult r = engine().sync();
    assertThat(r.mode()).isEqualTo(SyncMode.INCREMENTAL);
    assertThat(item("pm-0", "item-2").status()).isEqualTo(ItemStatus.WONT_DO);
    assertThat(fixture.server.getAllServeEvents()).hasSize(1);
  }

  @Test
  void pullRequestsAreLeftOutOfTheChanges() {
    int pr = fixture.github.addForeign("A pull request with the label", true);
    int issue = fixture.github.addForeign("An issue with the label", false);
    List<String> keys = tracker.changeFeed().orElseThrow().changedSince(Instant.parse("2025-01-01T00:00:00Z")).stream()
        .map(t -> t.key()).toList();
    assertThat(keys).containsExactly(String.valueOf(issue)).doesNotContain(String.valueOf(pr));
  }

  /**
   * Page numbers shift when an issue changes between two pages: it moves to the end, and the issue
   * that slid onto the first page is not listed. Its change is older than the overlap, so no later
   * sync would list it: the feed must see the repeat and read again.
   */
  @Test
  void pagesThatShiftUnderAChangeAreReadAgain() {
    fill(1, 150);
    assertThat(engine().sync().mode()).isEqualTo(SyncMode.FULL);
    fixture.clock.advance(Duration.ofMinutes(1));
    for (int i = 0; i < 150; i++) {
      fixture.github.assign(number("pm-0", "item-" + i), "erin");
      fixture.clock.advance(Duration.ofSeconds(1));
    }
    fixture.clock.advance(Duration.ofMinutes(10));
    int first = number("pm-0", "item-0");
    fixture.github.faults.afterEachRequest(n -> {
      if (n == 1) {
        fixture.github.assign(first, "sam-o");
      }
    });
    SyncResult r = engine().sync();
    fixture.github.faults.afterEachRequest(null);
    assertThat(r.mode()).isEqualTo(SyncMode.INCREMENTAL);
    fixture.clock.advance(Duration.ofMinutes(1));
    engine().sync();
    assertThat(item("pm-0", "item-0").owner()).isEqualTo("sam-o");
    for (int i = 1; i < 150; i++) {
      assertThat(item("pm-0", "item-" + i).owner()).as("item-" + i).isEqualTo("erin");
    }
  }
}
