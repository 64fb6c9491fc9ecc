package dev.followthrough.core.internal;

import dev.followthrough.core.FollowthroughException;
import dev.followthrough.core.model.Postmortem;
import dev.followthrough.core.model.Recurrence;
import dev.followthrough.core.recurrence.RecurrenceDetector;
import dev.followthrough.core.recurrence.RecurrenceIndex;
import dev.followthrough.core.recurrence.RecurrenceMatch;
import dev.followthrough.core.store.ActionStore;
import dev.followthrough.core.store.StoredPostmortem;
import java.util.ArrayList;
import java.util.List;

/** Finds, on import, the earlier incidents a new postmortem likely repeats; and settles them. */
public final class Recurrences {
  private Recurrences() {}

  /**
   * The new postmortem with its likely recurrences recorded (as {@link RecurrenceIndex#matches}
   * finds them), each with the earlier incident's items as the index holds them.
   */
  public static Postmortem find(RecurrenceIndex index, Postmortem newer) {
    List<Recurrence> found = new ArrayList<>();
    for (RecurrenceMatch m : index.matches(newer)) {
      index.get(m.earlierPostmortemId()).ifPresent(earlier -> found.add(new Recurrence(m.earlierPostmortemId(),
          Math.round(m.score() * 1000) / 1000.0, Recurrence.Status.SUSPECTED, m.sharedTerms(),
          Recurrence.EarlierItems.of(earlier))));
    }
    return found.isEmpty() ? newer : newer.withRecurrenceOf(found);
  }

  /**
   * Records {@code older}, just imported, as repeated by the stored incidents dated after it that
   * match it (see {@link RecurrenceIndex#laterRepeats}); a recurrence already recorded, and its
   * status, is kept as it is, and one already holding {@link RecurrenceDetector#MAX_MATCHES} gains none.
   *
   * @return the ids of the stored postmortems that gained a recurrence
   */
  public static List<String> recordOnLater(ActionStore store, RecurrenceIndex index, Postmortem older) {
    List<String> changed = new ArrayList<>();
    index.laterRepeats(older).forEach((laterId, m) -> store.modify(laterId, later -> {
      // What is recorded stays (a user may have settled it), and a record stays bounded.
      if (later.recurrenceOf().size() >= RecurrenceDetector.MAX_MATCHES
          || later.recurrenceOf().stream().anyMatch(r -> r.postmortemId().equals(older.id()))) {
        return later;
      }
      List<Recurrence> found = new ArrayList<>(later.recurrenceOf());
      found.add(new Recurrence(older.id(), Math.round(m.score() * 1000) / 1000.0, Recurrence.Status.SUSPECTED,
          m.sharedTerms(), Recurrence.EarlierItems.of(older)));
      found.sort(java.util.Comparator.comparingDouble(Recurrence::score).reversed());
      changed.add(laterId);
      return later.withRecurrenceOf(found);
    }));
    return changed;
  }

  /**
   * Confirms or dismisses that {@code postmortemId} repeats {@code earlierId}, recorded with who
   * and when. A pair the detector did not find is recorded as settled (score 0, no shared terms),
   * so a person can name a repeat the wording hid, or rule one out before it is ever suspected.
   */
  public static Postmortem settle(ActionStore store, String postmortemId, String earlierId, Recurrence.Status status,
      String by, java.time.Instant at) {
    if (status == Recurrence.Status.SUSPECTED) {
      throw new FollowthroughException("a recurrence is confirmed or dismissed, not set back to suspected");
    }
    if (postmortemId.equals(earlierId)) {
      throw new FollowthroughException(postmortemId + " cannot repeat itself: name an earlier postmortem");
    }
    store.find(postmortemId).orElseThrow(() -> missing(store, postmortemId));
    Postmortem earlier = store.find(earlierId).orElseThrow(() -> missing(store, earlierId)).postmortem();
    String actor = by == null || by.isBlank() ? null : by.strip();
    return store.modify(postmortemId, p -> {
      List<Recurrence> recurrences = new ArrayList<>(p.recurrenceOf());
      int index = -1;
      for (int i = 0; i < recurrences.size(); i++) {
        if (recurrences.get(i).postmortemId().equals(earlierId)) {
          index = i;
        }
      }
      if (index >= 0) {
        recurrences.set(index, recurrences.get(index).settled(status, actor, at));
      } else {
        recurrences.add(new Recurrence(earlierId, 0.0, status, List.of(), Recurrence.EarlierItems.of(earlier), actor, at));
      }
      return p.withRecurrenceOf(recurrences);
    }).orElseThrow().postmortem();
  }

  private static FollowthroughException missing(ActionStore store, String id) {
    return new FollowthroughException("no postmortem " + id + " in " + store.describe()
        + "; 'followthrough list' shows the stored ones");
  }
}
