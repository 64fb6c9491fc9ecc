package dev.followthrough.github;

import static org.assertj.core.api.Assertions.assertThat;

import dev.followthrough.core.model.ActionItem;
import dev.followthrough.core.model.Postmortem;
import dev.followthrough.core.store.ActionStore;
import dev.followthrough.core.sync.SyncEngine;
import dev.followthrough.core.sync.SyncOptions;
import dev.followthrough.core.sync.SyncResult;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Owners that are not GitHub accounts, and several owners mapped to one login. */
class GitHubOwnersTest {
  final GitHubFixture fixture = new GitHubFixture();
  final ActionStore store = ActionStore.inMemory();

  @AfterEach
  void stop() {
    fixture.close();
  }

  SyncEngine engine(GitHubTracker tracker) {
    return SyncEngine.builder(store, tracker).clock(fixture.clock).sleeper(fixture.clock)
        .options(SyncOptions.defaults().withLabels(List.of("postmortem"))).build();
  }

  void items(String... owners) {
    List<ActionItem> list = new java.util.ArrayList<>();
    for (int i = 0; i < owners.length; i++) {
      list.add(ActionItem.open("item-" + i, "Item " + i).withOwner(owners[i]));
    }
    store.insert(new Postmortem("pm-0", "Incident 0", null, null, null, null, list, null, null));
  }

  ActionItem item(String id) {
    return store.find("pm-0").orElseThrow().postmortem().item(id).orElseThrow();
  }

  @Test
  void anOwnerWhoIsNotAnAssignableAccountGetsAnUnassignedIssueNotAFailedCreate() {
    fixture.github.addUser("alice");
    items("alice", "charlie-from-the-docs", "alice");
    GitHubTracker tracker = fixture.tracker().createInterval(Duration.ZERO).build();
    SyncResult r = engine(tracker).sync();
    assertThat(r.failures()).isEmpty();
    assertThat(r.created()).hasSize(3);
    assertThat(fixture.github.issues()).extracting(i -> i.path("assignee").path("login").asText(""))
        .containsExactly("alice", "", "alice");
    // Each login is checked once, not once per issue.
    assertThat(fixture.requests("GET", "/repos/acme/ops/assignees/alice")).hasSize(1);
    assertThat(fixture.requests("GET", "/users/charlie-from-the-docs")).as("no such account: one look").hasSize(1);
    assertThat(engine(tracker).plan().actions()).isEmpty();
    assertThat(item("item-1").owner()).isEqualTo("charlie-from-the-docs");
  }

  @Test
  void twoOwnersMappedToOneLoginKeepTheirOwnOwnerAndThePlanSettles() {
    fixture.github.addUser("alice");
    items("lena", "priya");
    // Each run is a new process whose map may iterate in another order.
    Map<String, String> one = new java.util.LinkedHashMap<>();
    one.put("lena", "alice");
    one.put("priya", "alice");
    Map<String, String> other = new java.util.LinkedHashMap<>();
    other.put("priya", "alice");
    other.put("lena", "alice");
    for (int run = 0; run < 4; run++) {
      engine(fixture.tracker().createInterval(Duration.ZERO).users(run % 2 == 0 ? one : other).build()).sync();
    }
    assertThat(engine(fixture.tracker().users(other).build()).plan().actions()).isEmpty();
    assertThat(item("item-0").owner()).isEqualTo("lena");
    assertThat(item("item-1").owner()).isEqualTo("priya");
    assertThat(fixture.github.issues()).extracting(i -> i.path("assignee").path("login").asText("")).containsOnly("alice");
    // The users map's order differs between processes (Map.copyOf): the login must read back the same in each.
    assertThat(new GitHubFields(one, "acme/ops").owner("alice")).isEqualTo(new GitHubFields(other, "acme/ops").owner("alice"));
  }
}
