package dev.followthrough.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import dev.followthrough.core.model.Postmortem;
import dev.followthrough.core.store.ActionStore;
import dev.followthrough.core.store.StoredPostmortem;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Separate JVMs on one store: the run lock between them, and processes killed with SIGKILL. */
@ExtendWith(ThrowawayPostgres.Available.class)
class StoreProcessesTest {
  static ThrowawayPostgres pg;
  static PostgresSettings settings;

  /** Each test, not the class, checks for a server, so that every test reports why it is skipped. */
  @BeforeEach
  void server() {
    pg = ThrowawayPostgres.shared();
    if (settings == null) {
      settings = pg.settings(pg.createDatabase("processes")).withSchema("locks");
      settings.open().close();
    }
  }

  @Test
  void twoProcessesNeverHoldTheRunLockAtOnceAndAKilledHolderFreesIt() throws Exception {
    Process holder = java("hold");
    try {
      assertThat(firstLine(holder)).isEqualTo("locked");
      Process second = java("try");
      assertThat(firstLine(second)).as("another JVM while the first holds the lock").isEqualTo("busy");
      assertThat(second.waitFor(60, TimeUnit.SECONDS)).isTrue();
      try (ActionStore here = settings.open()) {
        assertThat(here.tryLockRun()).as("this JVM while the first holds the lock").isEmpty();
      }
    } finally {
      holder.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    }
    long killedAt = System.nanoTime();
    try (ActionStore here = settings.open()) {
      Optional<ActionStore.RunLock> lock = awaitLock(here);
      assertThat(lock).as("the lock of a killed holder is released by the server").isPresent();
      System.out.printf("run lock free again %d ms after SIGKILL%n", (System.nanoTime() - killedAt) / 1_000_000);
      try {
        Process third = java("try");
        assertThat(firstLine(third)).as("another JVM while this one holds it").isEqualTo("busy");
        third.waitFor(60, TimeUnit.SECONDS);
      } finally {
        lock.get().close();
      }
      Process fourth = java("try");
      assertThat(firstLine(fourth)).as("after this JVM released it").isEqualTo("locked");
      fourth.waitFor(60, TimeUnit.SECONDS);
    }
  }

  @Test
  void storesInOtherSchemasHaveTheirOwnRunLock() {
    try (ActionStore a = settings.open(); ActionStore b = settings.withSchema("other_locks").open()) {
      Optional<ActionStore.RunLock> lockA = a.tryLockRun();
      assertThat(lockA).isPresent();
      Optional<ActionStore.RunLock> lockB = b.tryLockRun();
      assertThat(lockB).isPresent();
      lockA.get().close();
      lockB.get().close();
    }
  }

  @Test
  void aWriterKilledMidWriteLeavesAWholeVersionWithMatchingItemRows() throws Exception {
    try (ActionStore store = settings.open()) {
      store.insert(new Postmortem("big", "Big", null, null, null, null, List.of(), null, null));
      for (int round = 0; round < 3; round++) {
        long before = store.find("big").orElseThrow().version();
        Process churn = java("churn");
        assertThat(firstLine(churn)).isEqualTo("churning");
        // Kill it at a different point of a write each round, once it has committed at least once.
        for (int wait = 0; wait < 600 && store.find("big").orElseThrow().version() == before; wait++) {
          Thread.sleep(50);
        }
        Thread.sleep(100 + 150L * round);
        churn.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        StoredPostmortem survivor = store.find("big").orElseThrow();
        int items = survivor.postmortem().actionItems().size();
        assertThat(survivor.version()).as("the killed writer had committed versions").isGreaterThan(before);
        System.out.printf("round %d: killed after %d committed versions%n", round, survivor.version() - before);
        assertThat(items).isIn(0, 150, 300);
        assertThat(itemRows()).as("item rows of version " + survivor.version()).isEqualTo(items);
        assertThat(store.update(survivor.postmortem().withActionItems(List.of()), survivor.version()).version())
            .isEqualTo(survivor.version() + 1);
      }
    }
  }

  private static int itemRows() throws Exception {
    try (Connection c = DriverManager.getConnection(settings.url(), settings.user(), settings.password().reveal());
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT count(*) FROM " + settings.schema()
            + ".action_items WHERE postmortem_id = 'big'")) {
      rs.next();
      return rs.getInt(1);
    }
  }

  /** The server frees the lock when it notices the dead connection, which takes a moment. */
  private static Optional<ActionStore.RunLock> awaitLock(ActionStore store) throws InterruptedException {
    for (int i = 0; i < 200; i++) {
      Optional<ActionStore.RunLock> lock = store.tryLockRun();
      if (lock.isPresent()) {
        return lock;
      }
      Thread.sleep(50);
    }
    return Optional.empty();
  }

  private static Process java(String mode) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(ProcessHandle.current().info().command().orElse("java"));
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add("-Dorg.slf4j.simpleLogger.defaultLogLevel=warn");
    command.add(StoreProcess.class.getName());
    command.addAll(List.of(mode, settings.url(), settings.user(), settings.schema()));
    ProcessBuilder builder = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT);
    builder.environment().put("FT_PG_PASSWORD", settings.password().reveal());
    return builder.start();
  }

  private static String firstLine(Process p) throws IOException, InterruptedException {
    BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
    String line = r.readLine();
    if (line == null) {
      p.waitFor(30, TimeUnit.SECONDS);
      return "(no output)";
    }
    return line;
  }
}
