-- Per tracker (by the scope its change feed names): the watermark of incremental re-sync, the
-- newest change time the tracker reported that a sync stored, and when the last full
-- reconciliation began. Version 3 itself is ReportFactsMigration (Java); 3.1 keeps 4 free.
CREATE TABLE sync_state (
  tracker      text PRIMARY KEY,
  watermark    timestamptz NOT NULL,
  last_full_at timestamptz NOT NULL
);
