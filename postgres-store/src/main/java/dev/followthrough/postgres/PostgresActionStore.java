package dev.followthrough.postgres;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.followthrough.core.model.Postmortem;
import dev.followthrough.core.store.ActionStore;
import dev.followthrough.core.store.DamagedStoreException;
import dev.followthrough.core.store.ItemQuery;
import dev.followthrough.core.store.ItemRow;
import dev.followthrough.core.store.ReportData;
import dev.followthrough.core.store.StaleVersionException;
import dev.followthrough.core.store.StoreException;
import dev.followthrough.core.store.StoredPostmortem;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.flywaydb.core.Flyway;

/**
 * The store in PostgreSQL, for several instances sharing one store. Every write is one
 * transaction; an update only applies to the version it was based on; the run lock is an advisory
 * lock of the database session that holds it.
 */
final class PostgresActionStore implements ActionStore {
  private static final String COLUMNS = "id, version, record::text, updated_at";

  private final PostgresSettings settings;
  private final Clock clock;
  private final String name;
  private final PostmortemRecords records;
  private final ItemQueries items;
  private final ReportQueries reports;
  private final HikariDataSource pool;

  PostgresActionStore(PostgresSettings settings, Clock clock) {
    this.settings = settings;
    this.clock = clock;
    this.name = settings.describe();
    this.records = new PostmortemRecords(name);
    this.items = new ItemQueries(records);
    this.reports = new ReportQueries(records, items);
    this.pool = openPool();
    try {
      migrate();
    } catch (RuntimeException e) {
      pool.close();
      throw e;
    }
  }

  private HikariDataSource openPool() {
    HikariConfig config = new HikariConfig();
    config.setPoolName("followthrough-postgres");
    config.setJdbcUrl(settings.url());
    config.setUsername(settings.user());
    config.setPassword(settings.password().reveal());
    config.addDataSourceProperty("currentSchema", settings.schema());
    config.setMaximumPoolSize(settings.poolSize());
    config.setMinimumIdle(1);
    config.setConnectionTimeout(10_000);
    try {
      return new HikariDataSource(config);
    } catch (RuntimeException e) {
      throw new StoreException("cannot connect to " + name + ": " + rootMessage(e), e);
    }
  }

  /**
   * Creates or upgrades the tables; Flyway serialises concurrent migrations with its own lock. It
   * connects by itself because it holds two connections at once, more than a pool of one has.
   */
  private void migrate() {
    try {
      Flyway.configure(getClass().getClassLoader())
          .dataSource(settings.url(), settings.user(), settings.password().reveal())
          .schemas(settings.schema())
          .defaultSchema(settings.schema())
          .createSchemas(true)
          // Not Flyway's default db/migration: an application embedding this store may use that for its own.
          .locations("classpath:dev/followthrough/postgres/migration")
          // A schema that already holds other tables gets ours beside them, from version 1 on.
          .baselineOnMigrate(true)
          .baselineVersion("0")
          .javaMigrations(new ReportFactsMigration(records))
          .load()
          .migrate();
    } catch (RuntimeException e) {
      throw new StoreException("cannot create or upgrade the tables of " + name + ": " + rootMessage(e), e);
    }
  }

  @Override
  public Optional<StoredPostmortem> find(String postmortemId) {
    return inTransaction(c -> {
      try (PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + " FROM postmortems WHERE id = ?")) {
        s.setString(1, postmortemId);
        try (ResultSet rs = s.executeQuery()) {
          return rs.next() ? Optional.of(read(rs)) : Optional.empty();
        }
      }
    });
  }

  @Override
  public List<StoredPostmortem> findAll() {
    return inTransaction(c -> {
      List<StoredPostmortem> all = new ArrayList<>();
      DamagedStoreException.Collector damaged = new DamagedStoreException.Collector();
      // Byte order, like the directory store's file names, whatever the database's collation.
      try (PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + " FROM postmortems ORDER BY id COLLATE \"C\"");
          ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          try {
            all.add(read(rs));
          } catch (DamagedStoreException e) {
            damaged.add(e);
          }
        }
      }
      damaged.throwIfAny();
      return List.copyOf(all);
    });
  }

  /** In SQL on the item rows: only the matching items are read, never a whole postmortem. */
  @Override
  public List<ItemRow> findItems(ItemQuery query) {
    return inTransaction(c -> items.find(c, query));
  }

  /** Postmortem heads, item facts counted by the server, and only the listed items' records. */
  @Override
  public ReportData reportData() {
    return reports.read(this::inTransaction, settings.poolSize() > 1);
  }

  @Override
  public StoredPostmortem insert(Postmortem postmortem) {
    return inTransaction(c -> {
      Instant now = now();
      try (PreparedStatement s = c.prepareStatement("INSERT INTO postmortems (id, version, record, updated_at) "
          + "VALUES (?, 1, ?::jsonb, ?) ON CONFLICT (id) DO NOTHING")) {
        s.setString(1, postmortem.id());
        s.setString(2, records.write(postmortem));
        s.setObject(3, OffsetDateTime.ofInstant(now, ZoneOffset.UTC));
        if (s.executeUpdate() == 0) {
          throw new StaleVersionException(postmortem.id(), 0, currentVersion(c, postmortem.id()));
        }
      }
      ActionItemRows.write(c, postmortem, records);
      return new StoredPostmortem(postmortem, 1, now);
    });
  }

  @Override
  public StoredPostmortem update(Postmortem postmortem, long expectedVersion) {
    return inTransaction(c -> update(c, postmortem, expectedVersion));
  }

  /**
   * Applies the change once, holding the row's lock, so concurrent writers take turns instead of
   * retrying; a plain {@link #update} by someone else meanwhile waits and then finds its version stale.
   */
  @Override
  public Optional<StoredPostmortem> modify(String postmortemId, UnaryOperator<Postmortem> change) {
    return inTransaction(c -> {
      StoredPostmortem current;
      try (PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + " FROM postmortems WHERE id = ? FOR UPDATE")) {
        s.setString(1, postmortemId);
        try (ResultSet rs = s.executeQuery()) {
          if (!rs.next()) {
            return Optional.empty();
          }
          current = read(rs);
        }
      }
      Postmortem changed = change.apply(current.postmortem());
      if (changed.equals(current.postmortem())) {
        return Optional.of(current);
      }
      if (!changed.id().equals(postmortemId)) {
        throw new IllegalArgumentException("a change must keep the postmortem's id " + postmortemId);
      }
      return Optional.of(update(c, changed, current.version()));
    });
  }

  private StoredPostmortem update(Connection c, Postmortem postmortem, long expectedVersion) throws SQLException {
    Instant now = now();
    try (PreparedStatement s = c.prepareStatement("UPDATE postmortems SET version = version + 1, "
        + "record = ?::jsonb, updated_at = ? WHERE id = ? AND version = ?")) {
      s.setString(1, records.write(postmortem));
      s.setObject(2, OffsetDateTime.ofInstant(now, ZoneOffset.UTC));
      s.setString(3, postmortem.id());
      s.setLong(4, expectedVersion);
      if (s.executeUpdate() == 0) {
        throw new StaleVersionException(postmortem.id(), expectedVersion, currentVersion(c, postmortem.id()));
      }
    }
    ActionItemRows.write(c, postmortem, records);
    return new StoredPostmortem(postmortem, expectedVersion + 1, now);
  }

  private static long currentVersion(Connection c, String id) throws SQLException {
    try (PreparedStatement s = c.prepareStatement("SELECT version FROM postmortems WHERE id = ?")) {
      s.setString(1, id);
      try (ResultSet rs = s.executeQuery()) {
        return rs.next() ? rs.getLong(1) : 0;
      }
    }
  }

  private StoredPostmortem read(ResultSet rs) throws SQLException {
    return records.read(rs.getString(1), rs.getLong(2), rs.getObject(4, OffsetDateTime.class).toInstant(),
        rs.getString(3));
  }

  /** The database keeps microseconds; the returned record must equal what a later read gives. */
  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MICROS);
  }

  @Override
  public boolean recordDelivery(String source, String deliveryId, Instant receivedAt, java.time.Duration retention) {
    return inTransaction(c -> DeliveryRows.record(c, source, deliveryId, receivedAt, retention));
  }

  @Override
  public Optional<dev.followthrough.core.store.SyncState> syncState(String trackerScope) {
    return inTransaction(c -> SyncStateRows.find(c, trackerScope));
  }

  @Override
  public void saveSyncState(String trackerScope, dev.followthrough.core.store.SyncState state) {
    inTransaction(c -> SyncStateRows.saved(c, trackerScope, state));
  }

  @Override
  public Optional<RunLock> tryLockRun() {
    // A connection outside the pool: a pooled one would keep the lock after being handed back.
    return AdvisoryRunLock.tryLock(() -> settings.connectOutsidePool("followthrough run lock"), settings.schema(), name);
  }

  @Override
  public String describe() {
    return name;
  }

  @Override
  public void close() {
    pool.close();
  }

  @Override
  public String toString() {
    return "PostgresActionStore[" + name + "]";
  }
  interface SqlWork<T> {
    T run(Connection c) throws SQLException;
  }

  /** One transaction: committed when the work returns, rolled back when it throws. */
  private <T> T inTransaction(SqlWork<T> work) {
    try (Connection c = pool.getConnection()) {
      c.setAutoCommit(false);
      try {
        T result = work.run(c);
        c.commit();
        return result;
      } catch (SQLException | RuntimeException e) {
        try {
          c.rollback();
        } catch (SQLException rollback) {
          e.addSuppressed(rollback);
        }
        throw e;
      }
    } catch (SQLException e) {
      throw new StoreException(name + ": " + e.getMessage(), e);
    }
  }

  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root.getMessage() == null ? root.toString() : root.getMessage();
  }
}
