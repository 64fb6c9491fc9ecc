package dev.followthrough.core.sync;

import dev.followthrough.core.config.ConflictRule;
import dev.followthrough.core.policy.VerificationPolicy;
import java.time.Duration;
import java.util.List;

/**
 * How a sync runs.
 *
 * @param labels labels every ticket gets besides its idempotency key
 * @param conflicts who wins a field changed on both sides since the last sync
 * @param timeBudget how long one run may take; what is left when it runs out is reported as
 *     failed and done by the next run
 * @param verification when a ticket closed in the tracker makes its item's fix due for
 *     verification, and the comment the sync posts when that falls due
 * @param fullEvery how often a sync reads every linked ticket although the tracker can list its
 *     changes (default 24 hours): the backstop that finds what a change list cannot show
 * @param overlap how far before the watermark an incremental read begins; {@code null} takes the
 *     tracker's own default, which exceeds its search lag and clock skew
 */
public record SyncOptions(List<String> labels, ConflictRule conflicts, Duration timeBudget, RetryPolicy retry,
    VerificationPolicy verification, Duration fullEvery, Duration overlap) {
  public SyncOptions {
    fullEvery = fullEvery == null ? Duration.ofHours(24) : fullEvery;
    labels = labels == null ? List.of() : List.copyOf(labels);
    conflicts = conflicts == null ? ConflictRule.FIELD_OWNER : conflicts;
    timeBudget = timeBudget == null ? Duration.ofMinutes(10) : timeBudget;
    retry = retry == null ? RetryPolicy.standard() : retry;
    verification = verification == null ? VerificationPolicy.standard() : verification;
  }

  public SyncOptions(List<String> labels, ConflictRule conflicts, Duration timeBudget, RetryPolicy retry,
      VerificationPolicy verification) {
    this(labels, conflicts, timeBudget, retry, verification, null, null);
  }

  public static SyncOptions defaults() {
    return new SyncOptions(List.of(), null, null, null, null);
  }

  public SyncOptions withLabels(List<String> newLabels) {
    return new SyncOptions(newLabels, conflicts, timeBudget, retry, verification, fullEvery, overlap);
  }

  public SyncOptions withConflicts(ConflictRule rule) {
    return new SyncOptions(labels, rule, timeBudget, retry, verification, fullEvery, overlap);
  }

  public SyncOptions withTimeBudget(Duration budget) {
    return new SyncOptions(labels, conflicts, budget, retry, verification, fullEvery, overlap);
  }

  public SyncOptions withRetry(RetryPolicy policy) {
    return new SyncOptions(labels, conflicts, timeBudget, policy, verification, fullEvery, overlap);
  }

  public SyncOptions withVerification(VerificationPolicy policy) {
    return new SyncOptions(labels, conflicts, timeBudget, retry, policy, fullEvery, overlap);
  }

  /** These options with another period between full reconciliations. */
  public SyncOptions withFullEvery(Duration period) {
    return new SyncOptions(labels, conflicts, timeBudget, retry, verification, period, overlap);
  }

  /** These options with another overlap; {@code null} takes the tracker's default. */
  public SyncOptions withOverlap(Duration newOverlap) {
    return new SyncOptions(labels, conflicts, timeBudget, retry, verification, fullEvery, newOverlap);
  }
}
