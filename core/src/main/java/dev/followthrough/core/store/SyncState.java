package dev.followthrough.core.store;

import java.time.Instant;
import java.util.Objects;

/**
 * What a store keeps per tracker between syncs so that a re-sync reads only what changed.
 *
 * @param watermark when the last read that found changes began: every change the tracker stamped
 *     more than the overlap before it has been read and stored, so the next incremental sync reads
 *     the changes from the watermark minus the overlap
 * @param lastFullAt when the last full reconciliation read every linked ticket (this machine's clock)
 */
public record SyncState(Instant watermark, Instant lastFullAt) {
  public SyncState {
    Objects.requireNonNull(watermark, "watermark");
    Objects.requireNonNull(lastFullAt, "lastFullAt");
  }
}
