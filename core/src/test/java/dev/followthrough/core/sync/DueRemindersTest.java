package dev.followthrough.core.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.followthrough.core.config.Secret;
import dev.followthrough.core.model.ActionItem;
import dev.followthrough.core.model.Postmortem;
import dev.followthrough.core.model.Priority;
import dev.followthrough.core.notify.WebhookNotifier;
import dev.followthrough.core.store.ActionStore;
import dev.followthrough.core.testing.TestClock;
import dev.followthrough.core.tracker.InMemoryTracker;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Which reminder before a due date is owed when, what plan shows, and the chat message. */
class DueRemindersTest {
  final TestClock clock = TestClock.at("2026-12-01T12:00:00Z");
  final InMemoryTracker tracker = InMemoryTracker.builder().clock(clock).build();
  final ActionStore store = ActionStore.inMemory();
  final List<String> chat = new ArrayList<>();
  HttpServer server;

  @BeforeEach
  void start() throws Exception {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/hooks/placeholder", exchange -> {
      chat.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
      exchange.sendResponseHeaders(200, -1);
      exchange.close();
    });
    server.start();
    store.insert(new Postmortem("pm", "Disk full", "SEV2", null, null, null, List.of(
        ActionItem.open("soon", "Alert on disk").withOwner("noor").withPriority(Priority.P1)
            .withDueDate(LocalDate.of(2026, 12, 3)),
        ActionItem.open("later", "Grow the volume").withPriority(Priority.P2).withDueDate(LocalDate.of(2026, 12, 20)),
        ActionItem.open("past", "Write the runbook").withPriority(Priority.P3).withDueDate(LocalDate.of(2026, 11, 30))),
        null, null));
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  SyncEngine engine() {
    WebhookNotifier webhook = WebhookNotifier.of(Secret.of("http://127.0.0.1:" + server.getAddress().getPort()
        + "/hooks/placeholder"));
    return SyncEngine.builder(store, tracker).clock(clock).sleeper(clock).beforeDue(new BeforeDue(List.of(1, 7), webhook))
        .build();
  }

  @Test
  void theNearestWindowThatHoldsTodayIsOwedOnceAndPlanShowsIt() {
    SyncEngine engine = engine();
    assertThat(engine.plannedDueReminders()).as("no ticket yet: nothing to comment on").isEmpty();
    SyncResult first = engine.sync();
    // Two days before "soon": inside the 7-day window, not the 1-day one; "later" is 19 days away.
    assertThat(first.dueReminders()).extracting(ItemRef::itemId).containsExactly("soon");
    assertThat(first.summary()).endsWith(", 1 reminded before due");
    String key = store.find("pm").orElseThrow().postmortem().item("soon").orElseThrow().tickets().get(0).key();
    assertThat(tracker.comments(key)).singleElement().asString()
        .contains("is due on 2026-12-03 (in 2 days)").contains("Owner: noor");
    assertThat(chat).singleElement().asString().contains("Alert on disk").contains("due 2026-12-03, in 2 days");
    assertThat(engine.plannedDueReminders()).isEmpty();
    clock.advance(Duration.ofDays(1));
    assertThat(engine.plannedDueReminders()).extracting(DueReminder::describe)
        .containsExactly("remind " + key + " (pm/soon): due 2026-12-03, tomorrow");
    assertThat(engine.sync().dueReminders()).extracting(ItemRef::itemId).containsExactly("soon");
    assertThat(tracker.comments(key)).hasSize(2);
    assertThat(engine.sync().dueReminders()).isEmpty();
    assertThat(chat).hasSize(2);
  }

  @Test
  void aNewDueDateStartsTheRemindersAnew() {
    SyncEngine engine = engine();
    engine.sync();
    store.modify("pm", p -> p.withItem(p.item("soon").orElseThrow().withDueDate(LocalDate.of(2026, 12, 5))));
    assertThat(engine.sync().dueReminders()).extracting(ItemRef::itemId).containsExactly("soon");
  }

  @Test
  void aDoneItemOrOneWithoutRemindersConfiguredIsNotReminded() {
    store.modify("pm", p -> p.withItem(p.item("soon").orElseThrow().withStatus(dev.followthrough.core.model.ItemStatus.DONE)));
    assertThat(engine().sync().dueReminders()).isEmpty();
    store.modify("pm", p -> p.withItem(p.item("soon").orElseThrow().withStatus(dev.followthrough.core.model.ItemStatus.OPEN)));
    assertThat(SyncEngine.builder(store, tracker).clock(clock).sleeper(clock).build().sync().dueReminders()).isEmpty();
    assertThat(chat).isEmpty();
  }
}
