package dev.followthrough.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.followthrough.core.model.ActionItem;
import dev.followthrough.core.model.HistoryEntry;
import dev.followthrough.core.model.ItemStatus;
import dev.followthrough.core.model.Postmortem;
import dev.followthrough.core.model.Priority;
import dev.followthrough.core.model.Source;
import dev.followthrough.core.store.ActionStore;
import dev.followthrough.core.sync.BeforeDue;
import dev.followthrough.core.sync.SyncEngine;
import dev.followthrough.core.sync.SyncOptions;
import dev.followthrough.core.sync.SyncResult;
import dev.followthrough.core.testing.DelegatingTracker;
import dev.followthrough.core.tracker.Tracker;
import dev.followthrough.core.tracker.TrackerFault;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Reminders before due dates ({@code notify.beforeDue: [7d, 1d]}) against a tracker: one comment
 * per reminder, never two, whatever the tracker answers. A 502 after the tracker applied the
 * comment is never posted again; a refused (403) comment is posted by the next sync; a crash
 * between recording the reminder and posting it costs that reminder and repeats nothing.
 *
 * <p>Each tracker's test module extends this with a {@link SyncFaultMatrix.Subject} around its simulator.
 */
public abstract class DueReminderKit {
  private static final BeforeDue SEVEN_AND_ONE = new BeforeDue(List.of(7, 1), null);

  /** A fresh subject (no search lag). */
  protected abstract SyncFaultMatrix.Subject subject();

  @Test
  void oneCommentPerReminderAndNoneForClosedOrPastItems() {
    try (SyncFaultMatrix.Subject s = subject()) {
      ActionStore store = store(s);
      SyncResult first = sync(s, store, s.tracker());
      assertThat(first.dueReminders()).as("ten days before: no reminder yet").isEmpty();
      assertThat(comments(s, store, "a1")).isZero();
      toDaysBefore(s, 7);
      assertThat(sync(s, store, s.tracker()).dueReminders()).extracting(r -> r.itemId()).containsExactly("a1");
      sync(s, store, s.tracker());
      toDaysBefore(s, 3);
      sync(s, store, s.tracker());
      assertThat(comments(s, store, "a1")).as("the 7-day reminder, once").isEqualTo(1);
      toDaysBefore(s, 1);
      assertThat(sync(s, store, s.tracker()).dueReminders()).extracting(r -> r.itemId()).containsExactly("a1");
      sync(s, store, s.tracker());
      toDaysBefore(s, -2);
      sync(s, store, s.tracker());
      assertThat(comments(s, store, "a1")).as("7 and 1 day before, each once").isEqualTo(2);
      assertThat(comments(s, store, "a2")).as("a closed item is not reminded").isZero();
    }
  }

  @Test
  void aCommentAppliedThenAnswered502IsNeverPostedAgain() {
    try (SyncFaultMatrix.Subject s = subject()) {
      ActionStore store = store(s);
      sync(s, store, s.tracker());
      toDaysBefore(s, 7);
      s.aim(RequestKind.COMMENT, TrackerFault.APPLIED_THEN_502);
      SyncResult hit = sync(s, store, s.tracker());
      assertThat(s.stillAimed(RequestKind.COMMENT)).as("the 502 met the reminder's comment").isFalse();
      assertThat(hit.failures()).anySatisfy(f -> assertThat(f.reason()).startsWith("reminder on "));
      assertThat(comments(s, store, "a1")).as("the tracker applied it").isEqualTo(1);
      s.clock().advance(Duration.ofHours(1));
      SyncResult again = sync(s, store, s.tracker());
      assertThat(again.dueReminders()).isEmpty();
      assertThat(comments(s, store, "a1")).as("a lost answer is never posted again").isEqualTo(1);
    }
  }

  @Test
  void aCommentWhoseAnswerIsLostOrLateIsNeverPostedAgain() {
    for (TrackerFault fault : List.of(TrackerFault.LATE_ANSWER, TrackerFault.RESET_AFTER_APPLIED,
        TrackerFault.APPLIED_THEN_504, TrackerFault.APPLIED_THEN_503_RETRY_AFTER)) {
      try (SyncFaultMatrix.Subject s = subject()) {
        ActionStore store = store(s);
        sync(s, store, s.tracker());
        toDaysBefore(s, 7);
        s.aim(RequestKind.COMMENT, fault);
        SyncResult hit = sync(s, store, s.tracker());
        assertThat(s.stillAimed(RequestKind.COMMENT)).as(fault + " met the reminder's comment").isFalse();
        assertThat(hit.failures()).as(fault.name()).anySatisfy(f -> assertThat(f.reason()).startsWith("reminder on "));
        s.clock().advance(Duration.ofHours(1));
        assertThat(sync(s, store, s.tracker()).dueReminders()).as(fault.name()).isEmpty();
        toDaysBefore(s, 3);
        sync(s, store, s.tracker());
        assertThat(comments(s, store, "a1")).as(fault + ": applied once, never sent again").isEqualTo(1);
      }
    }
  }

  @Test
  void theLastReminderStillComesOnTheDueDayItself() {
    try (SyncFaultMatrix.Subject s = subject()) {
      ActionStore store = store(s);
      sync(s, store, s.tracker());
      toDaysBefore(s, 0);
      assertThat(sync(s, store, s.tracker()).dueReminders()).extracting(r -> r.itemId()).containsExactly("a1");
      sync(s, store, s.tracker());
      assertThat(comments(s, store, "a1")).as("the 1-day reminder, on the due day, once").isEqualTo(1);
      toDaysBefore(s, -1);
      sync(s, store, s.tracker());
      assertThat(comments(s, store, "a1")).as("nothing once the due date has passed").isEqualTo(1);
    }
  }

  @Test
  void aRefusedCommentIsPostedByTheNextSync() {
    try (SyncFaultMatrix.Subject s = subject()) {
      ActionStore store = store(s);
      sync(s, store, s.tracker());
      toDaysBefore(s, 7);
      s.aim(RequestKind.COMMENT, TrackerFault.FORBIDDEN);
      SyncResult refused = sync(s, store, s.tracker());
      assertThat(refused.succeeded()).isFalse();
      assertThat(comments(s, store, "a1")).isZero();
      s.clock().advance(Duration.ofHours(1));
      assertThat(sync(s, store, s.tracker()).dueReminders()).extracting(r -> r.itemId()).containsExactly("a1");
      sync(s, store, s.tracker());
      assertThat(comments(s, store, "a1")).isEqualTo(1);
    }
  }

  @Test
  void aCrashBetweenTheRecordAndThePostNeverPostsTwice() {
    try (SyncFaultMatrix.Subject s = subject()) {
      ActionStore store = store(s);
      sync(s, store, s.tracker());
      toDaysBefore(s, 7);
      Tracker dying = new DelegatingTracker(s.tracker()) {
        @Override
        public void comment(String key, String text) {
          throw new Killed();
        }
      };
      assertThatThrownBy(() -> sync(s, store, dying)).isInstanceOf(Killed.class);
      assertThat(item(store, "a1").history()).extracting(HistoryEntry::field).contains("dueReminder");
      s.clock().advance(Duration.ofHours(1));
      sync(s, store, s.tracker());
      sync(s, store, s.tracker());
      assertThat(comments(s, store, "a1")).as("at most once: the crashed reminder is not repeated").isZero();
      toDaysBefore(s, 1);
      sync(s, store, s.tracker());
      assertThat(comments(s, store, "a1")).as("the next reminder still comes").isEqualTo(1);
    }
  }

  /** Stands for the process dying between two statements: nothing catches it. */
  static final class Killed extends Error {
    private static final long serialVersionUID = 1L;
  }

  private LocalDate due;

  private ActionStore store(SyncFaultMatrix.Subject s) {
    due = LocalDate.ofInstant(s.clock().instant(), ZoneOffset.UTC).plusDays(10);
    List<ActionItem> items = List.of(
        ActionItem.open("a1", "Alert on queue age").withOwner("erin").withPriority(Priority.P1).withDueDate(due),
        ActionItem.open("a2", "Drain the backlog").withPriority(Priority.P2).withDueDate(due).withStatus(ItemStatus.WONT_DO));
    ActionStore store = ActionStore.inMemory();
    store.insert(new Postmortem("pm-due", "Queue backlog", "SEV2", null, null, null, items, null,
        new Source("https://wiki.example.com/postmortems/queue-backlog", "0".repeat(64))));
    return store;
  }

  /** Moves the clock to noon, {@code days} days before the due date. */
  private void toDaysBefore(SyncFaultMatrix.Subject s, int days) {
    var target = due.minusDays(days).atTime(12, 0).toInstant(ZoneOffset.UTC);
    s.clock().advance(Duration.between(s.clock().instant(), target));
  }

  private static SyncResult sync(SyncFaultMatrix.Subject s, ActionStore store, Tracker tracker) {
    SyncEngine engine = SyncEngine.builder(store, tracker).clock(s.clock()).sleeper(s.clock())
        .options(SyncOptions.defaults().withLabels(List.of("postmortem")).withTimeBudget(Duration.ofMinutes(30)))
        .beforeDue(SEVEN_AND_ONE).build();
    return engine.sync();
  }

  private static ActionItem item(ActionStore store, String id) {
    return store.find("pm-due").orElseThrow().postmortem().item(id).orElseThrow();
  }

  private static int comments(SyncFaultMatrix.Subject s, ActionStore store, String itemId) {
    Postmortem p = store.find("pm-due").orElseThrow().postmortem();
    String key = p.idempotencyKey(p.item(itemId).orElseThrow());
    return s.tickets().stream().filter(t -> t.keys().contains(key)).findFirst().orElseThrow().comments();
  }
}
