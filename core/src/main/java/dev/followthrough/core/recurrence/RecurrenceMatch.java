package dev.followthrough.core.recurrence;

import java.util.List;
import java.util.Objects;

/**
 * An earlier postmortem that a newer one likely repeats.
 *
 * @param earlierPostmortemId the id of the earlier postmortem
 * @param score how alike the two are, from 0.0 (nothing in common) to 1.0
 * @param sharedTerms what they have in common, as a person would write it: failure terms first
 *     ("deadlock", "connection pool"), then services ("booking service"), then telling words
 */
public record RecurrenceMatch(String earlierPostmortemId, double score, List<String> sharedTerms) {
  public RecurrenceMatch {
    Objects.requireNonNull(earlierPostmortemId, "earlierPostmortemId");
    if (!(score >= 0.0 && score <= 1.0)) {
      throw new IllegalArgumentException("score " + score + " is outside 0.0 to 1.0");
    }
    sharedTerms = List.copyOf(sharedTerms);
  }
}
