package dev.followthrough.core.store;

import dev.followthrough.core.model.ActionItem;
import dev.followthrough.core.model.Finding;
import dev.followthrough.core.model.Postmortem;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How many of one postmortem's items with one owner carry quality findings, as a report counts
 * them. Items missing from their document are not counted; {@code checked} leaves out items never
 * checked (stored by a release before findings were kept), which are counted in {@code items} only.
 *
 * @param owner the owner as stored, or {@code null} for items without one
 * @param items the items counted
 * @param checked those whose findings are known: the denominator of every share
 * @param withFindings checked items with at least one finding
 * @param withErrors checked items with at least one error-level finding
 */
public record QualityCount(String postmortemId, String owner, long items, long checked, long withFindings,
    long withErrors) {
  public QualityCount {
    Objects.requireNonNull(postmortemId, "postmortemId");
    if (withErrors > withFindings || withFindings > checked || checked > items) {
      throw new IllegalArgumentException("counts must nest: withErrors <= withFindings <= checked <= items");
    }
  }

  /** Whether an item is counted at all. */
  public static boolean counts(ActionItem item) {
    return !item.missingFromSource();
  }

  /** Whether a counted item has findings; {@code false} when it was never checked. */
  public static boolean hasFindings(ActionItem item) {
    return item.quality() != null && !item.quality().isEmpty();
  }

  /** Whether a counted item has an error-level finding. */
  public static boolean hasErrors(ActionItem item) {
    return item.quality() != null && item.quality().stream().anyMatch(Finding::isError);
  }

  /** The counts of a postmortem's items, one per owner, in the order owners first appear. */
  public static List<QualityCount> of(Postmortem postmortem) {
    Map<String, long[]> byOwner = new LinkedHashMap<>();
    for (ActionItem item : postmortem.actionItems()) {
      if (!counts(item)) {
        continue;
      }
      long[] n = byOwner.computeIfAbsent(item.owner() == null ? "\0" : item.owner(), o -> new long[4]);
      n[0]++;
      n[1] += item.quality() == null ? 0 : 1;
      n[2] += hasFindings(item) ? 1 : 0;
      n[3] += hasErrors(item) ? 1 : 0;
    }
    List<QualityCount> counts = new ArrayList<>();
    byOwner.forEach((owner, n) -> counts.add(new QualityCount(postmortem.id(), owner.equals("\0") ? null : owner,
        n[0], n[1], n[2], n[3])));
    return counts;
  }
}
