package dev.followthrough.postgres;

import dev.followthrough.core.config.Secret;
import dev.followthrough.core.store.ActionStore;
import java.time.Clock;
import java.util.Optional;

/**
 * Run in a separate JVM by the run lock test: {@code hold URL USER SCHEMA} takes the run lock and
 * keeps it until killed; {@code try URL USER SCHEMA} prints whether it could take it and exits.
 * Prints {@code locked} or {@code busy}. The password comes from {@code FT_PG_PASSWORD}, never
 * from the command line.
 */
public final class RunLockProcess {
  public static void main(String[] args) throws Exception {
    PostgresSettings settings = PostgresSettings.of(args[1], args[2], Secret.of(System.getenv("FT_PG_PASSWORD")))
        .withSchema(args[3]).withPoolSize(1);
    try (ActionStore store = new PostgresActionStore(settings, Clock.systemUTC())) {
      Optional<ActionStore.RunLock> lock = store.tryLockRun();
      System.out.println(lock.isPresent() ? "locked" : "busy");
      System.out.flush();
      if (lock.isPresent() && args[0].equals("hold")) {
        Thread.sleep(Long.MAX_VALUE);
      }
      lock.ifPresent(ActionStore.RunLock::close);
    }
  }
}
