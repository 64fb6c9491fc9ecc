package dev.followthrough.core.internal;

import dev.followthrough.core.FollowthroughException;
import dev.followthrough.core.model.Postmortem;
import dev.followthrough.core.model.Recurrence;
import dev.followthrough.core.recurrence.RecurrenceDetector;
import dev.followthrough.core.recurrence.RecurrenceMatch;
import dev.followthrough.core.store.ActionStore;
import dev.followthrough.core.store.StoredPostmortem;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Finds, on import, the earlier incidents a new postmortem likely repeats; and settles them. */
public final class Recurrences {
  private Recurrences() {}

  /**
   * The new postmortem with its likely recurrences recorded, each with the earlier incident's
   * items as they stand now. Earlier means an incident on or before this one's date; without dates
   * on either side, every stored postmortem counts.
   */
  public static Postmortem find(RecurrenceDetector detector, ActionStore store, Postmortem newer) {
    LocalDate day = newer.incident().referenceDate();
    List<Postmortem> earlier = store.findAll().stream().map(StoredPostmortem::postmortem)
        .filter(p -> !p.id().equals(newer.id()))
        .filter(p -> day == null || p.incident().referenceDate() == null || !p.incident().referenceDate().isAfter(day))
        .toList();
    if (earlier.isEmpty()) {
      return newer;
    }
    Map<String, Postmortem> byId = earlier.stream().collect(Collectors.toMap(Postmortem::id, Function.identity()));
    List<Recurrence> found = detector.matches(newer, earlier).stream().map((RecurrenceMatch m) -> new Recurrence(
        m.earlierPostmortemId(), Math.round(m.score() * 1000) / 1000.0, Recurrence.Status.SUSPECTED, m.sharedTerms(),
        Recurrence.EarlierItems.of(byId.get(m.earlierPostmortemId())))).toList();
    return found.isEmpty() ? newer : newer.withRecurrenceOf(found);
  }

  /** Confirms or dismisses a recorded recurrence. */
  public static Postmortem settle(ActionStore store, String postmortemId, String earlierId, Recurrence.Status status) {
    StoredPostmortem stored = store.find(postmortemId).orElseThrow(() -> new FollowthroughException(
        "no postmortem " + postmortemId + " in " + store.describe() + "; 'followthrough recurrences' lists them"));
    if (stored.postmortem().recurrenceOf().stream().noneMatch(r -> r.postmortemId().equals(earlierId))) {
      throw new FollowthroughException(postmortemId + " has no recorded recurrence of " + earlierId
          + "; 'followthrough recurrences' lists them");
    }
    return store.modify(postmortemId, p -> p.withRecurrenceOf(p.recurrenceOf().stream()
        .map(r -> r.postmortemId().equals(earlierId) ? r.withStatus(status) : r).toList())).orElseThrow().postmortem();
  }
}
