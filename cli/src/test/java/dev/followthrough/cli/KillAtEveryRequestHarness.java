package dev.followthrough.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.followthrough.core.model.ActionItem;
import dev.followthrough.core.model.TicketLink;
import dev.followthrough.core.store.ActionStore;
import dev.followthrough.core.store.StoredPostmortem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntConsumer;

/**
 * Kills the real command-line tool, in its own JVM, right after the tracker simulator has carried
 * out request N of a sync, for every N: first of a first sync, then of an update sync. After each
 * kill a restarted sync must finish the work with exactly one ticket per item, every link stored,
 * an empty plan and every report format working. The kill is aimed by the simulator, not by a
 * timer, so every moment is reached, including the one right after a create was made.
 */
public final class KillAtEveryRequestHarness {
  /** A tracker simulator serving the child process, with the controls the harness needs. */
  public interface Simulator extends AutoCloseable {
    /** The {@code tracker:} section of the configuration, indented by two spaces. */
    String trackerConfig();

    /** Called with the number of each request once it was carried out, before it is answered. */
    void afterEachRequest(IntConsumer hook);

    /** How many tickets carry each key (labels starting with {@code ft-}). */
    Map<String, Integer> ticketsPerKey();

    /** Changes one ticket as a person would, so that an update sync has something to pull. */
    void changeATicket();

    @Override
    void close();
  }

  /** What the harness saw. */
  public record Outcome(int kills, int killsAfterACreate) {}

  private final Path dir;
  private final java.util.function.Supplier<Simulator> simulators;
  private final int items;

  public KillAtEveryRequestHarness(Path dir, java.util.function.Supplier<Simulator> simulators, int items) {
    this.dir = dir;
    this.simulators = simulators;
    this.items = items;
  }

  public Outcome run() throws Exception {
    int kills = 0;
    int afterCreate = 0;
    for (boolean update : new boolean[] {false, true}) {
      for (int n = 1; ; n++) {
        Path work = Files.createDirectories(dir.resolve((update ? "update-" : "first-") + n));
        try (Simulator sim = simulators.get()) {
          Path config = Files.writeString(work.resolve("followthrough.yaml"),
              "store: " + work.resolve("store") + "\ntracker:\n" + sim.trackerConfig());
          Path doc = work.resolve("pm.md");
          write(doc, false);
          cli("import", doc.toString(), "--config", config.toString());
          if (update) {
            assertThat(CliRunner.run("sync", "--config", config.toString()).exit()).isZero();
            write(doc, true);
            cli("import", doc.toString(), "--config", config.toString());
            sim.changeATicket();
          }
          int ticketsBefore = total(sim.ticketsPerKey());
          boolean killed = syncKilledAfterRequest(sim, config, n, work);
          if (!killed) {
            break;
          }
          kills++;
          if (total(sim.ticketsPerKey()) > ticketsBefore) {
            afterCreate++;
          }
          restartedSyncFinishesEverything(sim, config, work, "kill after request " + n + (update ? " of an update sync" : ""));
        }
      }
    }
    return new Outcome(kills, afterCreate);
  }

  private void write(Path doc, boolean changed) throws IOException {
    StringBuilder text = new StringBuilder("# Kill harness\n\n- Duration: 2025-05-01 10:00 to 2025-05-01 11:00 (UTC)\n\n"
        + "## Action items\n\n");
    for (int i = 0; i < items; i++) {
      String done = i == 1 || (changed && i == 0) ? "x" : " ";
      String title = "Action number " + i + (changed && i == items - 1 ? " (renamed)" : "");
      text.append("- [").append(done).append("] ").append(title).append(" owner: @erin due: 2025-05-20").append('\n');
    }
    if (changed) {
      text.append("- [ ] Added in the update owner: @erin\n");
    }
    Files.writeString(doc, text);
  }

  private boolean syncKilledAfterRequest(Simulator sim, Path config, int n, Path work) throws Exception {
    AtomicReference<Process> child = new AtomicReference<>();
    AtomicBoolean killed = new AtomicBoolean();
    Object started = new Object();
    sim.afterEachRequest(number -> {
      if (number == n) {
        synchronized (started) {
          Process p = child.get();
          p.destroyForcibly();
          try {
            p.waitFor(30, TimeUnit.SECONDS);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          killed.set(true);
        }
      }
    });
    List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
        "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xshare:auto", "-cp", System.getProperty("java.class.path"),
        FollowthroughCli.class.getName(), "sync", "--config", config.toString()));
    synchronized (started) {
      child.set(new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(work.resolve("child.log").toFile()).start());
    }
    assertThat(child.get().waitFor(120, TimeUnit.SECONDS)).as("the child sync ends").isTrue();
    sim.afterEachRequest(null);
    return killed.get();
  }

  private void restartedSyncFinishesEverything(Simulator sim, Path config, Path work, String what) {
    CliRunner.Result restart = CliRunner.run("sync", "--config", config.toString());
    if (restart.exit() != 0) {
      // A create whose outcome the killed run never learned is settled by this run or the next.
      restart = CliRunner.run("sync", "--config", config.toString());
    }
    assertThat(restart.exit()).as(what + ": " + restart.err()).isZero();
    Map<String, Integer> perKey = sim.ticketsPerKey();
    ActionStore store = ActionStore.directory(work.resolve("store"));
    int linked = 0;
    for (StoredPostmortem p : store.findAll()) {
      for (ActionItem item : p.postmortem().actionItems()) {
        String key = p.postmortem().idempotencyKey(item);
        assertThat(perKey.get(key)).as(what + ": tickets for " + item.id()).isEqualTo(1);
        assertThat(item.tickets()).as(what + ": link of " + item.id()).singleElement()
            .satisfies(t -> assertThat(t.state()).isEqualTo(TicketLink.State.LINKED));
        linked++;
      }
    }
    assertThat(perKey.values()).as(what).allMatch(c -> c == 1);
    assertThat(perKey).as(what).hasSize(linked);
    assertThat(CliRunner.run("plan", "--config", config.toString()).out()).as(what).startsWith("0 changes");
    for (String format : List.of("text", "markdown", "csv", "json", "html")) {
      assertThat(CliRunner.run("report", "--as-of", "2025-07-01", "--format", format, "--config", config.toString()).exit())
          .as(what + ": report " + format).isZero();
    }
  }

  private static void cli(String... args) {
    CliRunner.Result r = CliRunner.run(args);
    assertThat(r.exit()).as(r.err()).isZero();
  }

  private static int total(Map<String, Integer> perKey) {
    return perKey.values().stream().mapToInt(Integer::intValue).sum();
  }
}
