package dev.followthrough.tck;

import dev.followthrough.core.store.StaleVersionException;
import dev.followthrough.core.store.ActionStore;
import dev.followthrough.core.model.ActionItem;
import dev.followthrough.core.model.Postmortem;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Run in a separate JVM by the store tests. Modes: {@code append DIR NAME COUNT} adds COUNT items
 * to postmortem "shared" with read-modify-write retries; {@code hold DIR} takes the writers' lock
 * and keeps it; {@code churn DIR} rewrites a large postmortem forever (to be killed); {@code
 * importHalting DIR DOCS N} imports the documents of DOCS as the CLI does, printing each one
 * acknowledged, and halts the JVM in the Nth batch's commit, just after its journal's flush.
 */
public final class StoreWriterProcess {
  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args[1]);
    switch (args[0]) {
      case "append" -> append(dir, args[2], Integer.parseInt(args[3]));
      case "hold" -> hold(dir);
      case "holdRun" -> holdRun(dir);
      case "churn" -> churn(dir);
      case "importHalting" -> importHalting(dir, Path.of(args[2]), Integer.parseInt(args[3]));
      default -> throw new IllegalArgumentException(args[0]);
    }
  }

  private static void append(Path dir, String name, int count) {
    ActionStore store = ActionStore.directory(dir, Duration.ofSeconds(30), Clock.systemUTC());
    for (int i = 0; i < count; i++) {
      while (true) {
        var current = store.find("shared").orElseThrow();
        List<ActionItem> items = new ArrayList<>(current.postmortem().actionItems());
        items.add(ActionItem.open(name + "-" + i, name + " item " + i));
        try {
          store.update(current.postmortem().withActionItems(items), current.version());
          break;
        } catch (StaleVersionException e) {
          // The other process won this round: read again and retry.
        }
      }
    }
  }

  /** A {@code modify} holds the writers' lock while its change runs: this one never returns. */
  private static void hold(Path dir) {
    ActionStore store = ActionStore.directory(dir, Duration.ofSeconds(5), Clock.systemUTC());
    store.insert(new Postmortem("held", "Held", null, null, null, null, List.of(), null, null));
    store.modify("held", p -> {
      System.out.println("locked");
      System.out.flush();
      try {
        Thread.sleep(Long.MAX_VALUE);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return p;
    });
  }

  private static void holdRun(Path dir) throws Exception {
    try (var held = ActionStore.directory(dir).tryLockRun().orElseThrow()) {
      System.out.println("locked");
      System.out.flush();
      Thread.sleep(Long.MAX_VALUE);
    }
  }

  private static void importHalting(Path dir, Path docs, int haltAtCommit) {
    int[] commits = {0};
    ActionStore store = dev.followthrough.core.internal.EmbeddedStores.directoryWithJournalHook(dir,
        Duration.ofSeconds(30), Clock.systemUTC(), () -> {
          if (++commits[0] == haltAtCommit) {
            System.out.println("halting after the journal's flush");
            System.out.flush();
            Runtime.getRuntime().halt(86); // no shutdown hooks, no finally blocks: as a kill
          }
        });
    var session = dev.followthrough.core.Followthrough.builder().store(store).build().importSession();
    List<java.nio.file.Path> files = dev.followthrough.core.importer.PostmortemImporter.create().documents(docs);
    session.importDocuments(files, outcome -> {
      System.out.println("acknowledged " + outcome.result().postmortemId());
      System.out.flush();
    });
    System.out.println("finished");
  }

  private static void churn(Path dir) {
    ActionStore store = ActionStore.directory(dir, Duration.ofSeconds(30), Clock.systemUTC());
    String padding = "x".repeat(2_000);
    long version = store.find("big").orElseThrow().version();
    System.out.println("churning");
    System.out.flush();
    for (int round = 0; ; round++) {
      List<ActionItem> items = new ArrayList<>();
      for (int i = 0; i < 300; i++) {
        items.add(ActionItem.open("item-" + i, "Round " + round + " item " + i).withDescription(padding));
      }
      Postmortem p = new Postmortem("big", "Big " + round, null, null, null, null, items, null, null);
      version = store.update(p, version).version();
    }
  }
}
