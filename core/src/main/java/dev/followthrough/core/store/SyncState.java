package dev.followthrough.core.store;

import java.time.Instant;
import java.util.Objects;

/**
 * What a store keeps per tracker between syncs so that a re-sync reads only what changed.
 *
 * @param watermark the newest change time (the tracker's clock) that a sync read and stored; the
 *     next incremental sync reads changes from a little before it
 * @param lastFullAt when the last full reconciliation read every linked ticket (this machine's clock)
 */
public record SyncState(Instant watermark, Instant lastFullAt) {
  public SyncState {
    Objects.requireNonNull(watermark, "watermark");
    Objects.requireNonNull(lastFullAt, "lastFullAt");
  }
}
