package dev.followthrough.core.model;

import java.time.Instant;
import java.time.LocalDate;

/**
 * Whether a done item's fix was shown to work: the "verification of effectiveness" step of a
 * corrective action. An item gets one when it is done; a person records the outcome.
 *
 * @param state {@code PENDING} until someone records the outcome
 * @param dueDate when the outcome should be known: the day the item was done plus the policy's
 *     {@code verifyDays} for its priority
 * @param criterion how to tell, as the document or a person wrote it, or {@code null}
 * @param evidence a URL or text that shows the outcome, or {@code null}
 * @param verifiedAt when the outcome was recorded, or {@code null} while pending
 * @param verifiedBy who recorded it, or {@code null}
 */
public record Verification(
    State state, LocalDate dueDate, String criterion, String evidence, Instant verifiedAt, String verifiedBy) {

  public enum State {
    PENDING,
    EFFECTIVE,
    INEFFECTIVE
  }

  public Verification {
    new Problems("verification").notNull("state", state).notNull("dueDate", dueDate).throwIfAny();
    criterion = Text.blankToNull(criterion);
    evidence = Text.blankToNull(evidence);
    verifiedBy = Text.blankToNull(verifiedBy);
  }

  public static Verification pending(LocalDate dueDate, String criterion) {
    return new Verification(State.PENDING, dueDate, criterion, null, null, null);
  }

  public boolean isPending() {
    return state == State.PENDING;
  }

  /** Pending and due before {@code asOf}. */
  public boolean isOverdue(LocalDate asOf) {
    return isPending() && dueDate.isBefore(asOf);
  }

  public Verification recorded(State outcome, String newEvidence, Instant at, String by) {
    return new Verification(outcome, dueDate, criterion, newEvidence, at, by);
  }
}
