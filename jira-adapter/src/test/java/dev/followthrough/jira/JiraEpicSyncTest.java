package dev.followthrough.jira;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.followthrough.core.model.ActionItem;
import dev.followthrough.core.model.Postmortem;
import dev.followthrough.core.store.ActionStore;
import dev.followthrough.core.sync.SyncEngine;
import dev.followthrough.core.sync.SyncResult;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * An epic per postmortem across runs in new processes, through the sync engine and the simulator's
 * lagging search (Jira Cloud v3 OpenAPI, /search/jql: recent updates might not be immediately visible).
 */
class JiraEpicSyncTest {
  final JiraFixture fixture = new JiraFixture(true);
  final ActionStore store = ActionStore.inMemory();

  @AfterEach
  void stop() {
    fixture.close();
  }

  /** A new tracker each time: what a new process knows of epics is only what Jira and the store say. */
  SyncResult syncInANewProcess() {
    JiraTracker tracker = fixture.tracker().epicPerPostmortem("Epic").build();
    return SyncEngine.builder(store, tracker).clock(fixture.clock).sleeper(fixture.clock).build().sync();
  }

  void addItem(String id, String title) {
    store.modify("pm-a", p -> p.withActionItems(
        java.util.stream.Stream.concat(p.actionItems().stream(), java.util.stream.Stream.of(ActionItem.open(id, title)))
            .toList()));
  }

  List<? extends JsonNode> epics() {
    return fixture.jira.issues().stream()
        .filter(i -> i.path("fields").path("labels").toString().contains("ft-epic-pm-a")).toList();
  }

  void assertOneEpicHoldingEveryTicket() {
    assertThat(epics()).as("epics of pm-a").hasSize(1);
    String epic = epics().get(0).path("key").asText();
    assertThat(fixture.jira.issues()).filteredOn(i -> !i.path("key").asText().equals(epic))
        .isNotEmpty()
        .allSatisfy(i -> assertThat(i.path("fields").path("parent").path("key").asText()).isEqualTo(epic));
  }

  @Test
  void anItemAddedInsideTheSearchLagGoesUnderTheFirstEpic() {
    store.insert(new Postmortem("pm-a", "Disk full", null, null, null, null,
        List.of(ActionItem.open("item-0", "Alert on disk usage")), null, null));
    assertThat(syncInANewProcess().created()).hasSize(1);
    fixture.clock.advance(Duration.ofSeconds(5));
    addItem("item-1", "Rotate logs hourly");

    assertThat(syncInANewProcess().created()).hasSize(1);
    assertOneEpicHoldingEveryTicket();
  }

  @Test
  void aCreateRefusedThenFixedInsideTheSearchLagGoesUnderTheFirstEpic() {
    store.insert(new Postmortem("pm-a", "Disk full", null, null, null, null,
        List.of(ActionItem.open("item-0", "Alert on disk usage"), ActionItem.open("item-1", "REFUSED rotate logs")),
        null, null));
    fixture.jira.rejectSummariesContaining("REFUSED");
    SyncResult first = syncInANewProcess();
    assertThat(first.created()).hasSize(1);
    assertThat(first.failures()).hasSize(1);
    fixture.clock.advance(Duration.ofSeconds(5));
    store.modify("pm-a", p -> p.withItem(p.item("item-1").orElseThrow().withTitle("Rotate logs hourly")));

    assertThat(syncInANewProcess().created()).hasSize(1);
    assertOneEpicHoldingEveryTicket();
  }

  @Test
  void onceTheSearchHasCaughtUpTheEpicIsFoundWithoutReadingASibling() {
    store.insert(new Postmortem("pm-a", "Disk full", null, null, null, null,
        List.of(ActionItem.open("item-0", "Alert on disk usage")), null, null));
    syncInANewProcess();
    fixture.clock.advance(JiraFixture.LAG);
    addItem("item-1", "Rotate logs hourly");
    fixture.resetRequests();

    syncInANewProcess();
    assertOneEpicHoldingEveryTicket();
    assertThat(fixture.requests("GET", "/issue/")).isEmpty();
  }
}
