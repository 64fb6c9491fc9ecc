package dev.followthrough.core.sync;

import static dev.followthrough.core.sync.SyncFixtures.fill;
import static dev.followthrough.core.sync.SyncFixtures.link;
import static org.assertj.core.api.Assertions.assertThat;

import dev.followthrough.core.model.ActionItem;
import dev.followthrough.core.store.ActionStore;
import dev.followthrough.core.testing.TestClock;
import dev.followthrough.core.tracker.InMemoryTracker;
import dev.followthrough.core.tracker.InMemoryTracker.Call;
import dev.followthrough.core.tracker.TrackerException;
import dev.followthrough.core.tracker.TrackerException.Kind;
import dev.followthrough.core.tracker.TrackerFault;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A gateway in front of the tracker answers 5xx after the tracker applied a create: the outcome
 * is unknown (RFC 9110 §15.6), so the create is settled by a lookup after the search lag, never
 * resent, whatever the status and whether it carries Retry-After.
 */
class GatewayErrorsTest {
  static final Duration LAG = Duration.ofSeconds(30);
  TestClock clock;
  ActionStore store;
  InMemoryTracker tracker;

  @BeforeEach
  void setUp() {
    clock = TestClock.at("2025-06-01T10:00:00Z");
    store = ActionStore.inMemory();
    tracker = InMemoryTracker.builder().clock(clock).searchLag(LAG).build();
  }

  SyncEngine engine() {
    return SyncEngine.builder(store, tracker).clock(clock).sleeper(clock).random(new Random(1))
        .options(SyncOptions.defaults().withTimeBudget(Duration.ofMinutes(5))).build();
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(value = TrackerFault.class, names = {"APPLIED_THEN_502", "APPLIED_THEN_503", "APPLIED_THEN_503_RETRY_AFTER",
      "APPLIED_THEN_504", "APPLIED_THEN_MALFORMED"})
  void aCreateAppliedThenAnsweredWithAGatewayErrorMakesOneTicketAcrossSyncsInsideAndAfterTheLag(TrackerFault fault) {
    fill(store, 1, 4);
    tracker.inject(Call.CREATE, fault);
    SyncResult first = engine().sync();
    assertThat(tracker.calls(Call.CREATE)).as("never resent within the run").isEqualTo(1);
    assertThat(first.failures()).hasSize(4).allSatisfy(f -> assertThat(f.reason()).contains("never sent again"));
    assertThat(tracker.tickets()).hasSize(4);

    clock.advance(Duration.ofSeconds(8));
    engine().sync();
    clock.advance(LAG.multipliedBy(3));
    engine().sync();
    engine().sync();
    assertThat(tracker.tickets()).as("one ticket per item").hasSize(4);
    assertThat(tracker.calls(Call.CREATE)).isEqualTo(1);
    for (var stored : store.findAll()) {
      for (ActionItem item : stored.postmortem().actionItems()) {
        assertThat(link(item, "memory").isPending()).as(item.id()).isFalse();
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(ints = {500, 502, 503, 504, 429, 408})
  void everyAnswerButASuccessOrADocumentedRefusalLeavesTheOutcomeUnknown(int status) {
    assertThat(new TrackerException("memory", Kind.TRANSIENT, status, "failed").mayHaveTakenEffect()).isTrue();
    assertThat(new TrackerException("memory", Kind.RATE_LIMITED, status, null, Duration.ofSeconds(7), "wait", null)
        .mayHaveTakenEffect()).isTrue();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(ints = {400, 401, 403, 404, 410, 422, 501, 505})
  void aDocumentedRefusalIsCertain(int status) {
    Kind kind = status == 401 || status == 403 ? Kind.AUTH : status == 404 || status == 410 ? Kind.NOT_FOUND : Kind.INVALID;
    assertThat(new TrackerException("memory", kind, status, "refused").mayHaveTakenEffect()).isFalse();
  }

  @Test
  void anUnreadableSuccessAndAnUnansweredRequestAreUnknown() {
    assertThat(new TrackerException("memory", Kind.MALFORMED, 201, "cut short").mayHaveTakenEffect()).isTrue();
    assertThat(new TrackerException("memory", Kind.MALFORMED, 200, "cut short").mayHaveTakenEffect()).isTrue();
    assertThat(new TrackerException("memory", Kind.TRANSIENT, 0, "reset").mayHaveTakenEffect()).isTrue();
    assertThat(new TrackerException("memory", Kind.TIMEOUT, 0, "no answer").mayHaveTakenEffect()).isTrue();
    assertThat(new TrackerException("memory", Kind.INVALID, 0, "label too long, not sent").mayHaveTakenEffect()).isFalse();
  }

  @Test
  void aRateLimitedCreateIsLookedForAfterTheWindowNotResentBlindly() {
    fill(store, 1, 2);
    tracker.inject(Call.CREATE, TrackerFault.RATE_LIMITED);
    engine().sync();
    assertThat(tracker.calls(Call.CREATE)).isEqualTo(1);
    clock.advance(tracker.capabilities().recoveryWindow().plusSeconds(1));
    SyncResult later = engine().sync();
    assertThat(later.created()).hasSize(2);
    assertThat(tracker.tickets()).hasSize(2);
    assertThat(engine().plan().actions()).isEmpty();
  }

  private dev.followthrough.core.report.OverdueReport report() {
    return new dev.followthrough.core.report.ReportBuilder(java.time.LocalDate.of(2026, 1, 1), 7)
        .build(store.findAll().stream().map(s -> s.postmortem()).toList());
  }

  @Test
  void aCommentAnsweredWithAGatewayErrorIsNeverPostedAgain() {
    fill(store, 1, 2);
    engine().sync();
    clock.advance(LAG);
    // item-1 is open and overdue; item-0 is done.
    String key = store.findAll().get(0).postmortem().actionItems().get(1).tickets().get(0).key();
    tracker.inject(Call.COMMENT, TrackerFault.APPLIED_THEN_502);
    var reminders = new dev.followthrough.core.notify.TicketReminders(store, tracker, clock, Duration.ofDays(7));
    reminders.send(report());
    reminders.send(report());
    assertThat(tracker.comments(key)).hasSize(1);
  }
}
