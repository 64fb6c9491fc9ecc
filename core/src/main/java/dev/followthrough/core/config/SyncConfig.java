package dev.followthrough.core.config;

import java.time.Duration;

/**
 * The {@code sync:} section: how often a sync reads every linked ticket, and how far before the
 * watermark an incremental read begins.
 *
 * @param fullEvery the period between full reconciliations (default 24 hours)
 * @param overlap {@code null} for the tracker's own default, which exceeds its search lag and clock skew
 */
public record SyncConfig(Duration fullEvery, Duration overlap) {
  public SyncConfig {
    fullEvery = fullEvery == null ? Duration.ofHours(24) : fullEvery;
  }

  public static SyncConfig defaults() {
    return new SyncConfig(null, null);
  }
}
