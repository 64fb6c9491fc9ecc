package dev.followthrough.core.sync;

import java.util.List;

/**
 * What a sync did. A run with failures still did everything else it could.
 *
 * @param conflicts fields changed on both sides, resolved by the configured rule
 * @param failures items whose change did not happen, with the reason
 * @param deleted items whose ticket the tracker deleted (found in this run or earlier): not a
 *     failure, but nothing is synced for them until a person acts
 * @param mode whether the run read every linked ticket, only the changed ones, or only named ones
 * @param dueReminders items whose ticket got a reminder before its due date ({@code notify.beforeDue})
 */
public record SyncResult(
    List<ItemRef> created,
    List<ItemRef> adopted,
    List<ItemRef> updated,
    List<ItemRef> transitioned,
    List<ItemRef> pulled,
    List<ItemRef> conflicts,
    List<Failure> failures,
    int unchanged,
    List<DeletedTicket> deleted,
    List<ItemRef> verificationReminders,
    SyncMode mode,
    List<ItemRef> dueReminders) {

  public SyncResult(List<ItemRef> created, List<ItemRef> adopted, List<ItemRef> updated, List<ItemRef> transitioned,
      List<ItemRef> pulled, List<ItemRef> conflicts, List<Failure> failures, int unchanged, List<DeletedTicket> deleted,
      List<ItemRef> verificationReminders, SyncMode mode) {
    this(created, adopted, updated, transitioned, pulled, conflicts, failures, unchanged, deleted, verificationReminders,
        mode, List.of());
  }

  public SyncResult(List<ItemRef> created, List<ItemRef> adopted, List<ItemRef> updated, List<ItemRef> transitioned,
      List<ItemRef> pulled, List<ItemRef> conflicts, List<Failure> failures, int unchanged, List<DeletedTicket> deleted,
      List<ItemRef> verificationReminders) {
    this(created, adopted, updated, transitioned, pulled, conflicts, failures, unchanged, deleted, verificationReminders,
        SyncMode.FULL);
  }

  public SyncResult(List<ItemRef> created, List<ItemRef> adopted, List<ItemRef> updated, List<ItemRef> transitioned,
      List<ItemRef> pulled, List<ItemRef> conflicts, List<Failure> failures, int unchanged) {
    this(created, adopted, updated, transitioned, pulled, conflicts, failures, unchanged, List.of(), List.of());
  }

  public SyncResult(List<ItemRef> created, List<ItemRef> adopted, List<ItemRef> updated, List<ItemRef> transitioned,
      List<ItemRef> pulled, List<ItemRef> conflicts, List<Failure> failures, int unchanged, List<DeletedTicket> deleted) {
    this(created, adopted, updated, transitioned, pulled, conflicts, failures, unchanged, deleted, List.of());
  }

  public SyncResult {
    created = List.copyOf(created);
    adopted = List.copyOf(adopted);
    updated = List.copyOf(updated);
    transitioned = List.copyOf(transitioned);
    pulled = List.copyOf(pulled);
    conflicts = List.copyOf(conflicts);
    failures = List.copyOf(failures);
    deleted = deleted == null ? List.of() : List.copyOf(deleted);
    verificationReminders = verificationReminders == null ? List.of() : List.copyOf(verificationReminders);
    mode = mode == null ? SyncMode.FULL : mode;
    dueReminders = dueReminders == null ? List.of() : List.copyOf(dueReminders);
  }

  /** This result with the verification comments a run posted, and those that failed. */
  SyncResult withVerificationReminders(List<ItemRef> posted, List<Failure> failed) {
    List<Failure> all = new java.util.ArrayList<>(failures);
    all.addAll(failed);
    return new SyncResult(created, adopted, updated, transitioned, pulled, conflicts, all, unchanged, deleted, posted, mode,
        dueReminders);
  }

  /** This result with the reminders before due dates a run posted, and those that failed. */
  SyncResult withDueReminders(List<ItemRef> posted, List<Failure> failed) {
    List<Failure> all = new java.util.ArrayList<>(failures);
    all.addAll(failed);
    return new SyncResult(created, adopted, updated, transitioned, pulled, conflicts, all, unchanged, deleted,
        verificationReminders, mode, posted);
  }

  /** An item whose change failed. */
  public record Failure(ItemRef item, String reason) {}

  public boolean succeeded() {
    return failures.isEmpty();
  }

  public String summary() {
    return created.size() + " created, " + adopted.size() + " adopted, " + updated.size() + " updated, "
        + transitioned.size() + " moved, " + pulled.size() + " pulled, " + conflicts.size() + " conflicts, "
        + failures.size() + " failed, " + unchanged + " unchanged"
        + (deleted.isEmpty() ? "" : ", " + deleted.size() + " with a deleted ticket")
        + (verificationReminders.isEmpty() ? "" : ", " + verificationReminders.size() + " asked for verification")
        + (dueReminders.isEmpty() ? "" : ", " + dueReminders.size() + " reminded before due");
  }
}
