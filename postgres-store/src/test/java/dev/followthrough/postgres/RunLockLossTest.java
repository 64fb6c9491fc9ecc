package dev.followthrough.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.followthrough.core.model.ActionItem;
import dev.followthrough.core.model.Postmortem;
import dev.followthrough.core.model.TicketLink;
import dev.followthrough.core.store.ActionStore;
import dev.followthrough.core.store.RunLockLostException;
import dev.followthrough.core.sync.SyncEngine;
import dev.followthrough.core.sync.SyncInProgressException;
import dev.followthrough.core.sync.SyncResult;
import dev.followthrough.core.tracker.Capabilities;
import dev.followthrough.core.tracker.InMemoryTracker;
import dev.followthrough.core.tracker.TicketDraft;
import dev.followthrough.core.tracker.TicketField;
import dev.followthrough.core.tracker.TicketSnapshot;
import dev.followthrough.core.tracker.TicketState;
import dev.followthrough.core.tracker.Tracker;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The run lock's session ending while its run goes on (killed by an administrator, a failover, an
 * idle timeout): the run notices before its next tracker write and stops, and the instance that
 * takes the lock meanwhile makes no duplicate. Each loss happens at a chosen point, never by timing.
 */
@ExtendWith(ThrowawayPostgres.Available.class)
class RunLockLossTest {
  private static final String LOCK_APPLICATION = "followthrough run lock";
  ThrowawayPostgres pg;
  String database;
  PostgresSettings settings;

  @BeforeEach
  void server() {
    pg = ThrowawayPostgres.shared();
    database = pg.createDatabase("runlock");
    settings = pg.settings(database).withSchema("locks");
  }

  @Test
  void aSessionKilledRightAfterTheFirstCreateStopsTheRunAndTheWaitingInstanceMakesNoDuplicate() throws Exception {
    InMemoryTracker tracker = InMemoryTracker.builder().batchCreate(1).build();
    try (ActionStore first = settings.open(); ActionStore second = settings.open()) {
      first.insert(new Postmortem("pm", "Incident", null, null, null, null,
          List.of(ActionItem.open("a", "First"), ActionItem.open("b", "Second"), ActionItem.open("c", "Third")), null, null));
      CountDownLatch refused = new CountDownLatch(1);
      AtomicInteger creates = new AtomicInteger();
      CompletableFuture<SyncResult> secondRun = new CompletableFuture<>();
      Tracker killing = new dev.followthrough.core.testing.DelegatingTracker(tracker) {
        @Override
        public List<CreateOutcome> createAll(List<TicketDraft> drafts) {
          List<CreateOutcome> outcomes = super.createAll(drafts);
          if (creates.incrementAndGet() == 1) {
            // The first create has been applied; its answer is not back in the run yet.
            Thread waiting = new Thread(() -> secondRun.complete(syncWhenFree(second, tracker, refused)));
            waiting.start();
            await(refused);
            assertThat(killLockSessions()).as("the lock's backend was killed").isEqualTo(1);
            secondRun.orTimeout(60, TimeUnit.SECONDS).join();
          }
          return outcomes;
        }
      };

      SyncResult stopped = SyncEngine.builder(first, killing).build().sync();
      SyncResult other = secondRun.get();

      assertThat(other.failures()).as("the instance that took the lock").isEmpty();
      assertThat(other.created()).hasSize(2);
      assertThat(other.adopted()).as("the first run's ticket, found by its key").hasSize(1);
      assertThat(stopped.created()).hasSize(1);
      assertThat(stopped.succeeded()).isFalse();
      assertThat(stopped.failures()).isNotEmpty().allSatisfy(f -> assertThat(f.reason())
          .contains("the run lock of " + settings.describe() + " was lost"));
      assertThat(creates).as("no create after the loss").hasValue(1);

      Map<String, Long> perKey = tracker.tickets().stream()
          .collect(Collectors.groupingBy(TicketSnapshot::idempotencyKey, Collectors.counting()));
      assertThat(perKey).hasSize(3).allSatisfy((key, n) -> assertThat(n).as(key).isEqualTo(1));
      Postmortem stored = second.find("pm").orElseThrow().postmortem();
      for (ActionItem item : stored.actionItems()) {
        assertThat(item.tickets()).as(item.id()).singleElement().satisfies(link -> {
          assertThat(link.state()).isEqualTo(TicketLink.State.LINKED);
          assertThat(tracker.tickets()).filteredOn(t -> t.key().equals(link.key()))
              .singleElement().satisfies(t -> assertThat(t.idempotencyKey()).isEqualTo(stored.idempotencyKey(item)));
        });
      }
      assertThat(SyncEngine.builder(second, tracker).build().plan().actions()).as("nothing left to do").isEmpty();
    }
    waitUntil(() -> lockSessions() == 0);
  }

  @Test
  void aLockWhoseSessionIdledOutIsReportedLostAndAnotherInstanceMayTakeIt() throws Exception {
    try (ActionStore store = settings.open()) {
      ActionStore.RunLock lock = AdvisoryRunLock.tryLock(() -> {
        Connection c = settings.connectOutsidePool(LOCK_APPLICATION);
        try (Statement s = c.createStatement()) {
          s.execute("SET idle_session_timeout = '300ms'");
        } catch (SQLException e) {
          throw new IllegalStateException(e);
        }
        return c;
      }, settings.schema(), settings.describe()).orElseThrow();
      lock.checkHeld();
      assertThat(store.tryLockRun()).as("while the lock is held").isEmpty();

      // The server ends the idle session by itself; wait for that, not for a guessed time.
      waitUntil(() -> lockSessions() == 0);

      assertThatThrownBy(lock::checkHeld).isInstanceOf(RunLockLostException.class)
          .hasMessageContaining("the run lock of " + settings.describe() + " was lost");
      assertThatThrownBy(lock::checkHeld).as("lost stays lost").isInstanceOf(RunLockLostException.class);
      Optional<ActionStore.RunLock> taken = store.tryLockRun();
      assertThat(taken).as("another instance").isPresent();
      taken.get().checkHeld();
      taken.get().close();
      lock.close();
    }
  }

  @Test
  void closingTheLockClosesItsConnection() throws SQLException {
    List<Connection> opened = new java.util.ArrayList<>();
    ActionStore.RunLock lock = AdvisoryRunLock.tryLock(recording(opened), settings.schema(), settings.describe()).orElseThrow();
    assertThat(lockSessions()).isEqualTo(1);
    lock.checkHeld();
    lock.close();
    assertThat(opened).singleElement().satisfies(c -> assertThat(c.isClosed()).isTrue());
    waitUntil(() -> lockSessions() == 0);
  }

  @Test
  void anAttemptRefusedWhileAnotherHoldsTheLockLeavesNoConnection() {
    try (ActionStore store = settings.open()) {
      ActionStore.RunLock lock = store.tryLockRun().orElseThrow();
      // Kept here, so that no garbage collection can close a leaked connection behind the test's back.
      List<Connection> opened = new java.util.ArrayList<>();
      assertThat(AdvisoryRunLock.tryLock(recording(opened), settings.schema(), settings.describe())).isEmpty();
      assertThat(opened).singleElement().satisfies(c -> assertThat(c.isClosed()).isTrue());
      waitUntil(() -> lockSessions() == 1);
      lock.close();
      waitUntil(() -> lockSessions() == 0);
    }
  }

  /** Lock connections as the store opens them, recorded for the test. */
  private java.util.function.Supplier<Connection> recording(List<Connection> opened) {
    return () -> {
      Connection c = settings.connectOutsidePool(LOCK_APPLICATION);
      opened.add(c);
      return c;
    };
  }

  /** Syncs as soon as the lock is free, after having been refused at least once. */
  private static SyncResult syncWhenFree(ActionStore store, Tracker tracker, CountDownLatch refused) {
    SyncEngine engine = SyncEngine.builder(store, tracker).build();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (true) {
      try {
        return engine.sync();
      } catch (SyncInProgressException e) {
        refused.countDown();
        if (System.nanoTime() > deadline) {
          throw e;
        }
        sleep(20);
      }
    }
  }

  /**
   * Kills the backend that holds the run lock, and only that one: a waiting instance's own lock
   * connection, open for its try at that moment, is not the holder and must not be counted.
   */
  private int killLockSessions() {
    return count("SELECT count(pg_terminate_backend(a.pid)) FROM pg_stat_activity a JOIN pg_locks l ON l.pid = a.pid"
        + " WHERE a.datname = '" + database + "' AND a.application_name = '" + LOCK_APPLICATION + "'"
        + " AND l.locktype = 'advisory' AND l.granted");
  }

  /** Backends of lock connections to this test's database. */
  private int lockSessions() {
    return count("SELECT count(*) FROM pg_stat_activity WHERE datname = '" + database
        + "' AND application_name = '" + LOCK_APPLICATION + "'");
  }

  private int count(String sql) {
    try (Connection c = DriverManager.getConnection(pg.url("postgres"), ThrowawayPostgres.SUPERUSER,
        pg.password().reveal()); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getInt(1);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A condition the server reaches on its own, such as a closed backend gone; at most 10 s. */
  private static void waitUntil(java.util.function.BooleanSupplier condition) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (!condition.getAsBoolean()) {
      assertThat(System.nanoTime()).as("waited 10 s").isLessThan(deadline);
      sleep(20);
    }
  }

  private static void await(CountDownLatch latch) {
    try {
      assertThat(latch.await(30, TimeUnit.SECONDS)).as("the second instance tried").isTrue();
    } catch (InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
