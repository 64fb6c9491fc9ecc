package dev.followthrough.tck;

import dev.followthrough.core.testing.TestClock;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.followthrough.core.tracker.TrackerException;
import dev.followthrough.core.tracker.Tracker;
import dev.followthrough.core.tracker.TicketState;
import dev.followthrough.core.tracker.TrackerFault;
import dev.followthrough.core.model.ActionItem;
import dev.followthrough.core.model.ItemStatus;
import dev.followthrough.core.model.Postmortem;
import dev.followthrough.core.model.Priority;
import dev.followthrough.core.model.Source;
import dev.followthrough.core.model.TicketLink;
import dev.followthrough.core.notify.TicketReminders;
import dev.followthrough.core.report.GroupBy;
import dev.followthrough.core.report.OverdueReport;
import dev.followthrough.core.report.ReportBuilder;
import dev.followthrough.core.report.ReportFormat;
import dev.followthrough.core.store.ActionStore;
import dev.followthrough.core.sync.SyncEngine;
import dev.followthrough.core.sync.SyncOptions;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every request kind a tracker sends × every {@link TrackerFault} × no lag and a realistic lag,
 * each aimed at the first request of that kind during a first sync, an update sync and a round of
 * reminders. Then sync runs again (the lag passing on the test clock) until the plan is empty, and
 * the outcome must be: exactly one ticket per item, every closed item's ticket closed with the right
 * reason, the edit made between the syncs on its ticket (no lost update), the store intact, every
 * report format working, at most one reminder per ticket, and an unchanged resync sending no write.
 *
 * <p>Each tracker's test module extends this with a {@link Subject} around its simulator.
 */
public abstract class SyncFaultMatrix {
  /** The realistic lag: Jira Cloud's search can trail writes by about this much. */
  protected static final Duration REALISTIC_LAG = Duration.ofSeconds(30);
  private static final LocalDate AS_OF = LocalDate.of(2025, 7, 1);

  /** A tracker under test, its simulator's controls and what it holds. */
  public interface Subject extends AutoCloseable {
    Tracker tracker();

    TestClock clock();

    /** The request kinds this tracker sends during syncs and reminders. */
    Set<RequestKind> kinds();

    /** The first request of this kind from now on meets the fault. */
    void aim(RequestKind kind, TrackerFault fault);

    /** Whether a fault aimed at this kind has not met a request yet. */
    boolean stillAimed(RequestKind kind);

    /** Requests that change something, as the simulator counted them. */
    int writeRequests();

    /** Every ticket the tracker holds. */
    List<TicketView> tickets();

    @Override
    void close();
  }

  /**
   * A ticket as the tracker holds it.
   *
   * @param keys the idempotency keys it carries
   * @param state its state, read the way a person would: a ticket closed without a resolution
   *     (left "Unresolved" in Jira) is {@code null}
   */
  public record TicketView(String key, List<String> keys, String title, TicketState state, int comments) {}

  /** A fresh subject whose tracker's search trails writes by {@code lag}. */
  protected abstract Subject subject(Duration lag);

  @TestFactory
  Stream<DynamicTest> everyRequestKindTimesEveryFaultTimesLag() {
    List<DynamicTest> tests = new ArrayList<>();
    Set<RequestKind> kinds;
    try (Subject probe = subject(Duration.ZERO)) {
      kinds = probe.kinds();
    }
    for (Duration lag : List.of(Duration.ZERO, REALISTIC_LAG)) {
      for (RequestKind kind : kinds) {
        for (TrackerFault fault : TrackerFault.values()) {
          tests.add(DynamicTest.dynamicTest(kind + " " + fault + " lag " + lag.toSeconds() + "s", () -> scenario(kind, fault, lag)));
        }
      }
    }
    return tests.stream();
  }

  private void scenario(RequestKind kind, TrackerFault fault, Duration lag) {
    try (Subject s = subject(lag)) {
      ActionStore store = ActionStore.inMemory();
      store.insert(postmortem());
      s.aim(kind, fault);
      sync(s, store);
      s.clock().advance(Duration.ofSeconds(1));
      store.modify("pm-matrix", p -> p.withItem(p.item("a1").orElseThrow().withTitle("Alert on queue age, edited"))
          .withItem(p.item("a4").orElseThrow().withStatus(ItemStatus.DONE)));
      sync(s, store);
      TicketReminders reminders = new TicketReminders(store, s.tracker(), s.clock(), Duration.ofDays(7));
      remind(reminders, store);
      assertThat(s.stillAimed(kind)).as("the fault met a request of its kind").isFalse();
      settle(s, store, lag);
      remind(reminders, store);

      Map<String, String> keyToItem = new HashMap<>();
      Postmortem p = store.find("pm-matrix").orElseThrow().postmortem();
      p.actionItems().forEach(i -> keyToItem.put(p.idempotencyKey(i), i.id()));
      List<TicketView> tickets = s.tickets();
      assertThat(tickets).as("one ticket per item").hasSize(4);
      assertThat(tickets).extracting(t -> keyToItem.get(t.keys().get(0))).containsExactlyInAnyOrder("a1", "a2", "a3", "a4");
      for (ActionItem item : p.actionItems()) {
        TicketView t = tickets.stream().filter(v -> v.keys().contains(p.idempotencyKey(item))).findFirst().orElseThrow();
        assertThat(item.tickets()).as("store link of %s", item.id()).singleElement()
            .satisfies(link -> assertThat(link.state()).isEqualTo(TicketLink.State.LINKED))
            .satisfies(link -> assertThat(link.key()).isEqualTo(t.key()));
        assertThat(t.title()).as("no lost update on %s", item.id()).isEqualTo(item.title());
        assertThat(t.state()).as("state of %s", item.id()).isEqualTo(expectedState(item.status(), s.tracker()));
        assertThat(t.comments()).as("reminders on %s", item.id()).isLessThanOrEqualTo(1);
      }
      OverdueReport report = report(store);
      for (ReportFormat format : ReportFormat.values()) {
        assertThatCode(() -> format.render(report, GroupBy.OWNER)).as(format.name()).doesNotThrowAnyException();
      }
      int writes = s.writeRequests();
      engine(s, store).sync();
      assertThat(s.writeRequests()).as("an unchanged resync sends no write").isEqualTo(writes);
    }
  }

  private static TicketState expectedState(ItemStatus status, Tracker tracker) {
    TicketState state = TicketState.of(status);
    return state == TicketState.IN_PROGRESS && !tracker.capabilities().inProgressState() ? TicketState.OPEN : state;
  }

  /** Syncs until the plan is empty, letting each tracker's recovery window pass in between. */
  private void settle(Subject s, ActionStore store, Duration lag) {
    Duration wait = s.tracker().capabilities().recoveryWindow().plus(lag).plusSeconds(1);
    for (int round = 0; round < 6; round++) {
      s.clock().advance(wait);
      sync(s, store);
      s.clock().advance(wait);
      if (engine(s, store).plan().isEmpty()) {
        return;
      }
    }
    assertThat(engine(s, store).plan().describe()).as("the plan after settling").startsWith("0 changes");
  }

  /** One run; a fault on the plan's reads fails the whole run (the CLI exits 1), which is allowed. */
  private void sync(Subject s, ActionStore store) {
    try {
      engine(s, store).sync();
    } catch (TrackerException runFailed) {
      // The next run starts over; what must hold is checked after settling.
    }
  }

  private static void remind(TicketReminders reminders, ActionStore store) {
    reminders.send(report(store));
  }

  private SyncEngine engine(Subject s, ActionStore store) {
    return SyncEngine.builder(store, s.tracker()).clock(s.clock()).sleeper(s.clock())
        .options(SyncOptions.defaults().withLabels(List.of("postmortem")).withTimeBudget(Duration.ofMinutes(30))).build();
  }

  private static OverdueReport report(ActionStore store) {
    return new ReportBuilder(AS_OF, 7).build(store.findAll().stream().map(sp -> sp.postmortem()).toList());
  }

  private static Postmortem postmortem() {
    LocalDate due = LocalDate.of(2025, 6, 5);
    List<ActionItem> items = List.of(
        ActionItem.open("a1", "Alert on queue age").withOwner("erin").withPriority(Priority.P1).withDueDate(due),
        ActionItem.open("a2", "Drain the backlog").withPriority(Priority.P2).withDueDate(due).withStatus(ItemStatus.DONE),
        ActionItem.open("a3", "Rewrite the consumer").withPriority(Priority.P3).withDueDate(due.plusDays(3))
            .withStatus(ItemStatus.WONT_DO),
        ActionItem.open("a4", "Write the runbook").withPriority(Priority.P4).withDueDate(due.plusDays(3)));
    return new Postmortem("pm-matrix", "Queue backlog", "SEV2", null, null, null, items, null,
        new Source("https://wiki.example.com/postmortems/queue-backlog", "0".repeat(64)));
  }
}
