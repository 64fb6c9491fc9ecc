package dev.followthrough.core.sync;

import static org.assertj.core.api.Assertions.assertThat;

import dev.followthrough.core.model.ActionItem;
import dev.followthrough.core.model.ChangeOrigin;
import dev.followthrough.core.model.HistoryEntry;
import dev.followthrough.core.model.Postmortem;
import dev.followthrough.core.store.ActionStore;
import dev.followthrough.core.testing.TestClock;
import dev.followthrough.core.tracker.InMemoryTracker;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * The reminder's claim is checked again on the item as stored: when another writer records the
 * same reminder between the claim's read and its write, the claim is applied again on the newer
 * version, finds the reminder taken, and nothing is posted.
 */
class DueReminderClaimRaceTest {
  final TestClock clock = TestClock.at("2026-12-01T12:00:00Z");
  final InMemoryTracker tracker = InMemoryTracker.builder().clock(clock).build();
  final ActionStore inner = ActionStore.inMemory();

  @Test
  void aClaimThatLosesTheRaceToTheSameRecordPostsNothing() {
    inner.insert(new Postmortem("pm", "Disk full", "SEV2", null, null, null, List.of(
        ActionItem.open("soon", "Alert on disk").withDueDate(LocalDate.of(2026, 12, 3))), null, null));
    SyncEngine.builder(inner, tracker).clock(clock).sleeper(clock).build().sync();
    String key = inner.find("pm").orElseThrow().postmortem().item("soon").orElseThrow().tickets().get(0).key();

    AtomicBoolean raced = new AtomicBoolean();
    String reminder = DueReminders.key(LocalDate.of(2026, 12, 3), 7);
    InvocationHandler handler = (proxy, method, args) -> {
      if (method.isDefault() && method.getName().equals("modify")) {
        return InvocationHandler.invokeDefault(proxy, method, args);
      }
      if (method.getName().equals("update") && !raced.get() && recordsReminder((Postmortem) args[0], reminder)) {
        raced.set(true);
        // The other writer gets there first, with the same record.
        inner.modify("pm", p -> p.withItem(p.item("soon").orElseThrow().recording(new HistoryEntry(clock.instant(),
            ChangeOrigin.LOCAL, DueReminders.FIELD, reminder, DueReminders.SENT, "followthrough on " + key))));
      }
      try {
        return method.invoke(inner, args);
      } catch (InvocationTargetException e) {
        throw e.getCause();
      }
    };
    ActionStore racing = (ActionStore) Proxy.newProxyInstance(ActionStore.class.getClassLoader(),
        new Class<?>[] {ActionStore.class}, handler);

    SyncResult result = SyncEngine.builder(racing, tracker).clock(clock).sleeper(clock)
        .beforeDue(new BeforeDue(List.of(7), null)).build().sync();
    assertThat(raced).as("the other writer met the claim").isTrue();
    assertThat(result.dueReminders()).isEmpty();
    assertThat(tracker.comments(key)).as("the reminder the other writer took is not posted here").isEmpty();
  }

  private static boolean recordsReminder(Postmortem p, String reminder) {
    return p.item("soon").map(i -> i.history().stream()
        .anyMatch(h -> h.field().equals(DueReminders.FIELD) && reminder.equals(h.from()))).orElse(false);
  }
}
