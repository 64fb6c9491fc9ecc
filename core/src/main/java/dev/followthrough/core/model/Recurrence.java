package dev.followthrough.core.model;

import java.util.List;

/**
 * A likely repeat of an earlier incident, found when this postmortem was imported.
 *
 * @param postmortemId the earlier postmortem
 * @param score how alike the two are, 0 to 1
 * @param status {@code SUSPECTED} until a person confirms or dismisses it
 * @param sharedTerms the failure terms both share, such as {@code deadlock}
 * @param earlierItems the earlier incident's action items as they stood when this one was imported
 * @param settledBy who confirmed or dismissed it, or {@code null} while suspected (and for one
 *     settled before this was recorded)
 * @param settledAt when it was confirmed or dismissed, or {@code null}
 */
public record Recurrence(String postmortemId, double score, Status status, List<String> sharedTerms,
    EarlierItems earlierItems, String settledBy, java.time.Instant settledAt) {

  public enum Status {
    SUSPECTED,
    CONFIRMED,
    DISMISSED
  }

  /** How many of the earlier incident's items were open, done, and done and shown to work. */
  public record EarlierItems(int open, int done, int verifiedEffective) {
    public static EarlierItems of(Postmortem earlier) {
      int open = 0;
      int done = 0;
      int effective = 0;
      for (ActionItem item : earlier.actionItems()) {
        if (item.status() == ItemStatus.DONE) {
          done++;
          if (item.verification() != null && item.verification().state() == Verification.State.EFFECTIVE) {
            effective++;
          }
        } else if (!item.status().isClosed()) {
          open++;
        }
      }
      return new EarlierItems(open, done, effective);
    }
  }

  public Recurrence {
    new Problems("recurrence").notBlank("postmortemId", postmortemId).notNull("status", status).throwIfAny();
    sharedTerms = sharedTerms == null ? List.of() : List.copyOf(sharedTerms);
    earlierItems = earlierItems == null ? new EarlierItems(0, 0, 0) : earlierItems;
    settledBy = Text.blankToNull(settledBy);
  }

  /** A recurrence nobody settled yet. */
  public Recurrence(String postmortemId, double score, Status status, List<String> sharedTerms, EarlierItems earlierItems) {
    this(postmortemId, score, status, sharedTerms, earlierItems, null, null);
  }

  public Recurrence withStatus(Status newStatus) {
    return new Recurrence(postmortemId, score, newStatus, sharedTerms, earlierItems, settledBy, settledAt);
  }

  /** The same recurrence, confirmed or dismissed by {@code by} at {@code at}. */
  public Recurrence settled(Status newStatus, String by, java.time.Instant at) {
    return new Recurrence(postmortemId, score, newStatus, sharedTerms, earlierItems, by, at);
  }
}
