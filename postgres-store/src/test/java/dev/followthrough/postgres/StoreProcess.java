package dev.followthrough.postgres;

import dev.followthrough.core.config.Secret;
import dev.followthrough.core.model.ActionItem;
import dev.followthrough.core.model.Postmortem;
import dev.followthrough.core.store.ActionStore;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Run in a separate JVM by the store's process tests, as {@code MODE URL USER SCHEMA}, with the
 * password in {@code FT_PG_PASSWORD}, never on the command line. Modes: {@code hold} takes the run
 * lock and keeps it until killed; {@code try} reports whether it could take it and exits (both
 * print {@code locked} or {@code busy}); {@code churn} rewrites postmortem "big" with 300 or 150
 * items in turn, forever, after printing {@code churning}.
 */
public final class StoreProcess {
  public static void main(String[] args) throws Exception {
    PostgresSettings settings = PostgresSettings.of(args[1], args[2], Secret.of(System.getenv("FT_PG_PASSWORD")))
        .withSchema(args[3]).withPoolSize(1);
    try (ActionStore store = new PostgresActionStore(settings, Clock.systemUTC())) {
      if (args[0].equals("churn")) {
        churn(store);
      }
      Optional<ActionStore.RunLock> lock = store.tryLockRun();
      System.out.println(lock.isPresent() ? "locked" : "busy");
      System.out.flush();
      if (lock.isPresent() && args[0].equals("hold")) {
        Thread.sleep(Long.MAX_VALUE);
      }
      lock.ifPresent(ActionStore.RunLock::close);
    }
  }

  private static void churn(ActionStore store) {
    String padding = "x".repeat(2_000);
    long version = store.find("big").orElseThrow().version();
    System.out.println("churning");
    System.out.flush();
    for (int round = 0; ; round++) {
      List<ActionItem> items = new ArrayList<>();
      for (int i = 0; i < (round % 2 == 0 ? 300 : 150); i++) {
        items.add(ActionItem.open("item-" + i, "Round " + round + " item " + i).withDescription(padding));
      }
      Postmortem p = new Postmortem("big", "Big " + round, null, null, null, null, items, null, null);
      version = store.update(p, version).version();
    }
  }
}
