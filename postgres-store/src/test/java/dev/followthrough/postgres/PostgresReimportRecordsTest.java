package dev.followthrough.postgres;

import dev.followthrough.core.store.ActionStore;
import dev.followthrough.tck.ReimportRecordsKit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.extension.ExtendWith;

/** The re-import kit on a real PostgreSQL server; skipped where initdb is missing. */
@ExtendWith(ThrowawayPostgres.Available.class)
class PostgresReimportRecordsTest extends ReimportRecordsKit {
  private static final AtomicInteger SCHEMAS = new AtomicInteger();
  private static String database;

  @Override
  protected ActionStore createStore() {
    ThrowawayPostgres pg = ThrowawayPostgres.shared();
    synchronized (PostgresReimportRecordsTest.class) {
      if (database == null) {
        database = pg.createDatabase("reimport");
      }
    }
    return pg.settings(database).withSchema("reimport_" + SCHEMAS.incrementAndGet()).open();
  }
}
