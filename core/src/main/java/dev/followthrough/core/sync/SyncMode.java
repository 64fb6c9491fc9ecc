package dev.followthrough.core.sync;

/** How much of the tracker a sync read. */
public enum SyncMode {
  /** Every linked ticket: the reconciliation that finds whatever an incremental read cannot. */
  FULL,
  /** Only the tickets the tracker reported changed since the watermark, and those of items changed locally. */
  INCREMENTAL,
  /** Only the tickets named by the caller, such as those a webhook reported. */
  TARGETED;

  /** The word {@code sync} prints: full, incremental or targeted. */
  public String word() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
