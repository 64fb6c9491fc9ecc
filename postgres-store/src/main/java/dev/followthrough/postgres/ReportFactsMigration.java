package dev.followthrough.postgres;

import dev.followthrough.core.store.DamagedStoreException;
import dev.followthrough.core.store.StoredPostmortem;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;

/**
 * Version 3: what reports count and select in SQL. Each postmortem gets its record without the
 * items ({@code head}); each item row gets the rest of its facts. Filled in Java rather than SQL so
 * that rows written before agree exactly with {@code ItemFacts.of}, which computes them on every
 * later write. A record that cannot be read keeps a null head; reading it reports it as damaged.
 */
final class ReportFactsMigration implements JavaMigration {
  private final PostmortemRecords records;

  ReportFactsMigration(PostmortemRecords records) {
    this.records = records;
  }

  @Override
  public MigrationVersion getVersion() {
    return MigrationVersion.fromVersion("3");
  }

  @Override
  public String getDescription() {
    return "report facts";
  }

  @Override
  public Integer getChecksum() {
    return null;
  }

  @Override
  public boolean canExecuteInTransaction() {
    return true;
  }

  @Override
  public void migrate(Context context) throws Exception {
    Connection c = context.getConnection();
    try (Statement s = c.createStatement()) {
      s.execute("ALTER TABLE postmortems ADD COLUMN head jsonb");
      s.execute("ALTER TABLE action_items ADD COLUMN closed_on date, ADD COLUMN days_to_close integer, "
          + "ADD COLUMN verification_state text, ADD COLUMN verification_due date, ADD COLUMN verified_on date");
      s.execute("CREATE INDEX action_items_verification ON action_items (verification_state, verification_due)");
    }
    List<String> ids = new ArrayList<>();
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT id FROM postmortems")) {
      while (rs.next()) {
        ids.add(rs.getString(1));
      }
    }
    for (String id : ids) {
      try (PreparedStatement s = c.prepareStatement("SELECT version, record::text FROM postmortems WHERE id = ?")) {
        s.setString(1, id);
        try (ResultSet rs = s.executeQuery()) {
          rs.next();
          StoredPostmortem stored = records.read(id, rs.getLong(1), java.time.Instant.EPOCH, rs.getString(2));
          ActionItemRows.write(c, stored.postmortem(), records, false);
        } catch (DamagedStoreException e) {
          // Left as it is: every read names it, and repairing it is the operator's choice.
        }
      }
    }
  }
}
