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
 */
public record SyncOptions(List<String> labels, ConflictRule conflicts, Duration timeBudget, RetryPolicy retry,
    VerificationPolicy verification) {
  public SyncOptions {
    labels = labels == null ? List.of() : List.copyOf(labels);
    conflicts = conflicts == null ? ConflictRule.FIELD_OWNER : conflicts;
    timeBudget = timeBudget == null ? Duration.ofMinutes(10) : timeBudget;
    retry = retry == null ? RetryPolicy.standard() : retry;
    verification = verification == null ? VerificationPolicy.standard() : verification;
  }

  public static SyncOptions defaults() {
    return new SyncOptions(List.of(), null, null, null, null);
  }

  public SyncOptions withLabels(List<String> newLabels) {
    return new SyncOptions(newLabels, conflicts, timeBudget, retry, verification);
  }

  public SyncOptions withConflicts(ConflictRule rule) {
    return new SyncOptions(labels, rule, timeBudget, retry, verification);
  }

  public SyncOptions withTimeBudget(Duration budget) {
    return new SyncOptions(labels, conflicts, budget, retry, verification);
  }

  public SyncOptions withRetry(RetryPolicy policy) {
    return new SyncOptions(labels, conflicts, timeBudget, policy, verification);
  }

  public SyncOptions withVerification(VerificationPolicy policy) {
    return new SyncOptions(labels, conflicts, timeBudget, retry, policy);
  }
}
