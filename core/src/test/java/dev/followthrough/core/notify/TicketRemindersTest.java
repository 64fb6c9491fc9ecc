package dev.followthrough.core.notify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.followthrough.core.model.ActionItem;
import dev.followthrough.core.model.Postmortem;
import dev.followthrough.core.model.Priority;
import dev.followthrough.core.report.OverdueReport;
import dev.followthrough.core.report.ReportBuilder;
import dev.followthrough.core.store.ActionStore;
import dev.followthrough.core.store.StoredPostmortem;
import dev.followthrough.core.sync.SyncEngine;
import dev.followthrough.core.testing.DelegatingTracker;
import dev.followthrough.core.testing.TestClock;
import dev.followthrough.core.tracker.InMemoryTracker;
import dev.followthrough.core.tracker.TrackerException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TicketRemindersTest {
  final TestClock clock = TestClock.at("2025-07-01T09:00:00Z");
  final ActionStore store = ActionStore.inMemory();
  final InMemoryTracker tracker = InMemoryTracker.builder().clock(clock).build();

  @BeforeEach
  void itemsWithTickets() {
    store.insert(new Postmortem("pm", "Disk full", null, null, null, null, List.of(
        ActionItem.open("late", "Alert on disk").withOwner("noor").withPriority(Priority.P1).withDueDate(LocalDate.of(2025, 6, 1)),
        ActionItem.open("later", "Expire artifacts").withDueDate(LocalDate.of(2025, 6, 20)),
        ActionItem.open("fine", "Runbook").withDueDate(LocalDate.of(2025, 9, 1))), null, null));
    SyncEngine.builder(store, tracker).clock(clock).sleeper(clock).build().sync();
  }

  OverdueReport report() {
    return new ReportBuilder(LocalDate.ofInstant(clock.instant(), java.time.ZoneOffset.UTC), 7)
        .build(store.findAll().stream().map(StoredPostmortem::postmortem).toList());
  }

  TicketReminders reminders() {
    return new TicketReminders(store, tracker, clock, Duration.ofDays(7));
  }

  String key(String item) {
    return store.find("pm").orElseThrow().postmortem().item(item).orElseThrow().tickets().get(0).key();
  }

  @Test
  void eachOverdueTicketGetsOneReminderPerPeriod() {
    NotifyResult first = reminders().send(report());
    assertThat(first.sent()).isEqualTo(2);
    assertThat(tracker.comments(key("late"))).singleElement().asString()
        .contains("postmortem \"Disk full\"").contains("was due on 2025-06-01 and is 30 days overdue").contains("Owner: noor");
    assertThat(tracker.comments(key("fine"))).isEmpty();

    NotifyResult rerun = reminders().send(report());
    assertThat(rerun.sent()).isZero();
    assertThat(rerun.skipped()).isEqualTo(2);

    clock.advance(Duration.ofDays(8));
    assertThat(reminders().send(report()).sent()).isEqualTo(2);
    assertThat(tracker.comments(key("late"))).hasSize(2);
  }

  @Test
  void aCrashAfterTheIntentNeverLeadsToASecondComment() {
    // Stands for the process dying between storing the intent and posting: the first post never happens.
    class Killed extends RuntimeException {
      private static final long serialVersionUID = 1L;
    }
    var dying = new TicketReminders(store, new DelegatingTracker(tracker) {
      @Override
      public void comment(String ticketKey, String text) {
        throw new Killed();
      }
    }, clock, Duration.ofDays(7));
    try {
      dying.send(report());
    } catch (Killed expected) {
      // The intent is stored; the comment was not posted.
    }
    NotifyResult rerun = reminders().send(report());
    // At most once: the stored intent keeps the rerun from posting within the period.
    assertThat(rerun.sent()).isZero();
    assertThat(tracker.calls(InMemoryTracker.Call.COMMENT)).isZero();
    clock.advance(Duration.ofDays(8));
    assertThat(reminders().send(report()).sent()).isEqualTo(2);
  }

  @Test
  void aRefusedCommentIsReportedAndTriedAgainNextRun() {
    tracker.failNext(InMemoryTracker.Call.COMMENT, new TrackerException("memory", TrackerException.Kind.INVALID, 400, "comments are off"));
    NotifyResult first = reminders().send(report());
    assertThat(first.sent()).isEqualTo(1);
    assertThat(first.failures()).singleElement().asString().contains("comments are off");
    NotifyResult second = reminders().send(report());
    assertThat(second.sent()).isEqualTo(1);
    assertThat(tracker.comments(key("late"))).hasSize(1);
    assertThat(tracker.comments(key("later"))).hasSize(1);
  }

  @Test
  void aPostWhoseAnswerCameTooLateIsNeverPostedAgain() {
    tracker.inject(InMemoryTracker.Call.COMMENT, dev.followthrough.core.tracker.TrackerFault.LATE_ANSWER);
    NotifyResult first = reminders().send(report());
    assertThat(first.failures()).singleElement().asString().contains("no answer");
    NotifyResult second = reminders().send(report());
    assertThat(second.sent()).isZero();
    assertThat(tracker.comments(key("late"))).hasSize(1);
    assertThat(tracker.comments(key("later"))).hasSize(1);
  }

  /**
   * Two {@code report --notify} runs that overlap (a cron job and a person, two hosts) each build
   * their report before either records its reminders: the report's items say "not reminded yet"
   * to both. {@code report} takes no run lock, so only the store's record can keep the second
   * from posting the same reminder again.
   */
  @Test
  void twoOverlappingRunsEachWithTheReportItBuiltBeforeTheOtherRecordedPostOneReminderPerTicket() {
    OverdueReport first = report();
    OverdueReport second = report();
    reminders().send(first);
    NotifyResult overlapping = reminders().send(second);
    assertThat(tracker.comments(key("late"))).as("reminders on the late item's ticket").hasSize(1);
    assertThat(tracker.comments(key("later"))).as("reminders on the later item's ticket").hasSize(1);
    assertThat(overlapping.sent()).isZero();
  }
}
