package dev.followthrough.core.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.followthrough.core.ValidationException;
import dev.followthrough.core.store.ActionStore;
import dev.followthrough.core.testing.TestClock;
import dev.followthrough.core.tracker.InMemoryTracker;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SyncSchedulerTest {
  final TestClock clock = TestClock.at("2025-06-01T10:07:00Z");
  final ActionStore store = ActionStore.inMemory();
  final InMemoryTracker tracker = InMemoryTracker.builder().clock(clock).build();

  SyncEngine engine() {
    return SyncEngine.builder(store, tracker).clock(clock).sleeper(clock).build();
  }

  /** Advances the test clock instead of waiting, and asks to stop after {@code runs} waits. */
  SyncScheduler.Waiter waits(int runs, List<Duration> seen) {
    return d -> {
      seen.add(d);
      clock.advance(d);
      return seen.size() > runs;
    };
  }

  @Test
  void cronFiresAtTheNextMatchingMinute() {
    Trigger hourly = Trigger.cron("0 * * * *");
    assertThat(hourly.next(Instant.parse("2025-06-01T10:07:00Z"))).isEqualTo(Instant.parse("2025-06-01T11:00:00Z"));
    assertThat(Trigger.cron("*/15 * * * *").next(Instant.parse("2025-06-01T10:07:00Z")))
        .isEqualTo(Instant.parse("2025-06-01T10:15:00Z"));
  }

  @Test
  void badScheduleIsAClearError() {
    assertThatThrownBy(() -> Trigger.cron("every hour")).isInstanceOf(ValidationException.class)
        .hasMessageContaining("cron: 'every hour'");
    assertThatThrownBy(() -> Trigger.every(Duration.ZERO)).hasMessageContaining("interval: must be positive");
  }

  @Test
  void runsOnEveryTickUntilStopped() {
    SyncFixtures.fill(store, 1, 3);
    List<Duration> waits = new ArrayList<>();
    List<SyncResult> results = new ArrayList<>();
    SyncScheduler.builder(this::engine, Trigger.every(Duration.ofMinutes(10))).clock(clock).waiter(waits(3, waits))
        .listener(new SyncScheduler.Listener() {
          @Override
          public void finished(SyncResult result) {
            results.add(result);
          }
        }).build().run();
    assertThat(results).hasSize(3);
    assertThat(results.get(0).created()).hasSize(3);
    assertThat(results.get(1).unchanged()).isEqualTo(3);
    assertThat(waits).hasSize(4).allMatch(d -> d.equals(Duration.ofMinutes(10)));
    assertThat(tracker.tickets()).hasSize(3);
  }

  @Test
  void runAtStartSyncsBeforeTheFirstWaitAndKeepsTheRhythmFromTheStart() {
    SyncFixtures.fill(store, 1, 2);
    List<Duration> waits = new ArrayList<>();
    List<Instant> events = new ArrayList<>();
    Instant start = clock.instant();
    SyncScheduler.builder(this::engine, Trigger.every(Duration.ofMinutes(10))).clock(clock).waiter(waits(1, waits))
        .runAtStart(true).listener(new SyncScheduler.Listener() {
          @Override
          public void finished(SyncResult result) {
            events.add(clock.instant());
          }

          @Override
          public void waiting(Instant nextRun) {
            events.add(nextRun);
          }
        }).build().run();
    assertThat(events).first().isEqualTo(start);
    assertThat(events.get(1)).isEqualTo(start.plus(Duration.ofMinutes(10)));
    assertThat(tracker.tickets()).hasSize(2);
  }

  @Test
  void jitterDelaysEachRunByUpToTheGivenAmountWithoutDrift() {
    List<Duration> waits = new ArrayList<>();
    List<Instant> runs = new ArrayList<>();
    Instant start = clock.instant();
    SyncScheduler.builder(this::engine, Trigger.every(Duration.ofMinutes(10))).clock(clock).waiter(waits(5, waits))
        .jitter(Duration.ofSeconds(30)).random(new Random(7)).listener(new SyncScheduler.Listener() {
          @Override
          public void waiting(Instant nextRun) {
            runs.add(nextRun);
          }
        }).build().run();
    for (int k = 0; k < runs.size(); k++) {
      Instant tick = start.plus(Duration.ofMinutes(10L * (k + 1)));
      assertThat(Duration.between(tick, runs.get(k))).isBetween(Duration.ZERO, Duration.ofSeconds(30));
    }
    assertThat(runs.stream().map(r -> r.getEpochSecond() % 600).distinct().count()).isGreaterThan(1);
  }

  @Test
  void aRunThatWouldOverlapAnotherIsSkipped() {
    List<String> skipped = new ArrayList<>();
    List<Duration> waits = new ArrayList<>();
    try (var held = store.tryLockRun().orElseThrow()) {
      SyncScheduler.builder(this::engine, Trigger.every(Duration.ofMinutes(1))).clock(clock).waiter(waits(2, waits))
          .listener(new SyncScheduler.Listener() {
            @Override
            public void skipped(String reason) {
              skipped.add(reason);
            }
          }).build().run();
    }
    assertThat(skipped).hasSize(2).allSatisfy(r -> assertThat(r).contains("another sync"));
  }

  @Test
  void aFailedRunDoesNotEndTheSchedule() {
    SyncFixtures.fill(store, 1, 1);
    tracker.failNext(new dev.followthrough.core.tracker.TrackerException("memory",
        dev.followthrough.core.tracker.TrackerException.Kind.AUTH, 401, "token rejected"));
    List<RuntimeException> failures = new ArrayList<>();
    List<SyncResult> results = new ArrayList<>();
    List<Duration> waits = new ArrayList<>();
    SyncScheduler.builder(this::engine, Trigger.every(Duration.ofMinutes(1))).clock(clock).waiter(waits(2, waits))
        .listener(new SyncScheduler.Listener() {
          @Override
          public void failed(RuntimeException error) {
            failures.add(error);
          }

          @Override
          public void finished(SyncResult result) {
            results.add(result);
          }
        }).build().run();
    assertThat(failures).hasSize(1);
    assertThat(results).hasSize(1);
  }

  @Test
  void stopEndsABackgroundSchedulerPromptly() throws InterruptedException {
    SyncScheduler scheduler = SyncScheduler.builder(this::engine, Trigger.every(Duration.ofHours(1))).build().start();
    assertThat(scheduler.stopAndWait(Duration.ofSeconds(10))).isTrue();
  }

  @Test
  void aRunLongerThanSeveralSlotsIsFollowedByTheNextSlotNotByTheMissedOnes() {
    SyncFixtures.fill(store, 1, 1);
    List<Duration> waits = new ArrayList<>();
    List<Instant> starts = new ArrayList<>();
    SyncScheduler.builder(() -> {
      starts.add(clock.instant());
      clock.advance(Duration.ofMinutes(35)); // a run that overruns three 10-minute slots
      return engine();
    }, Trigger.every(Duration.ofMinutes(10))).clock(clock).waiter(waits(3, waits)).build().run();
    assertThat(starts).hasSize(3);
    assertThat(Duration.between(starts.get(0), starts.get(1))).isGreaterThanOrEqualTo(Duration.ofMinutes(35));
    assertThat(waits.subList(1, waits.size())).allMatch(d -> d.compareTo(Duration.ofMinutes(1)) > 0);
  }
}
