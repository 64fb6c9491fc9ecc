package dev.followthrough.core.internal;

import dev.followthrough.core.config.ConflictRule;
import dev.followthrough.core.model.ActionItem;
import dev.followthrough.core.model.ChangeOrigin;
import dev.followthrough.core.model.HistoryEntry;
import dev.followthrough.core.model.Postmortem;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Merges a re-imported document into the stored postmortem: items keep their ids (matched by id,
 * else by similar wording), their local state (status, tickets, history) survives, changes the
 * document made are recorded, and items the document dropped are flagged, never deleted.
 */
public final class ReimportMerge {
  /** How alike two titles must be (shared word share, 0 to 1) to count as one edited item. */
  static final double SIMILAR = 0.5;

  private ReimportMerge() {}

  /** What a merge did. */
  public record Outcome(Postmortem merged, int added, int changed, int unchanged, int missing) {}

  /**
   * @param incoming the document as read now, with the policy applied
   * @param stated the same document before the policy, to tell stated values from filled ones
   */
  public static Outcome merge(Postmortem stored, Postmortem incoming, Postmortem stated, Instant now) {
    return merge(stored, incoming, stated, now, ConflictRule.FIELD_OWNER);
  }

  /**
   * As above; a field that both the document and a later record changed is settled by {@code rule}:
   * {@code TRACKER} keeps the recorded value, the others take the document's.
   */
  public static Outcome merge(Postmortem stored, Postmortem incoming, Postmortem stated, Instant now,
      ConflictRule rule) {
    ItemMerge items = new ItemMerge(now, rule);
    Map<String, ActionItem> old = new HashMap<>();
    Set<String> storedIds = new HashSet<>();
    stored.actionItems().stream().filter(i -> !isLocal(i)).forEach(i -> old.put(i.id(), i));
    stored.actionItems().forEach(i -> storedIds.add(i.id()));
    Map<String, ActionItem> statedById = new HashMap<>();
    stated.actionItems().forEach(i -> statedById.put(i.id(), i));

    Map<String, String> idFor = matchIds(stored.actionItems(), incoming.actionItems());
    List<ActionItem> result = new ArrayList<>();
    Set<String> used = new HashSet<>();
    int added = 0;
    int changed = 0;
    int unchanged = 0;
    for (ActionItem fresh : incoming.actionItems()) {
      String id = idFor.getOrDefault(fresh.id(), fresh.id());
      ActionItem previous = old.get(id);
      if (previous == null) {
        id = unique(fresh.id(), used, storedIds);
        result.add(withId(fresh, id));
        added++;
      } else {
        ActionItem merged = items.merge(previous, fresh, statedById.get(fresh.id()));
        // An item that only moved to another line is unchanged: its line is where it stands, not an edit;
        // nor are findings an edit: they follow from the document (or a changed lint configuration).
        if (merged.equals(previous.withLine(merged.line()).withQuality(merged.quality()))) {
          unchanged++;
        } else {
          changed++;
        }
        result.add(merged);
      }
      used.add(id);
    }
    int missing = 0;
    for (ActionItem previous : stored.actionItems()) {
      if (!used.contains(previous.id()) && isLocal(previous)) {
        // Flagged by an earlier release that took it for a document's item.
        result.add(!previous.missingFromSource() ? previous : previous.withMissingFromSource(false)
            .recording(new HistoryEntry(now, ChangeOrigin.DOCUMENT, "missingFromSource", "true", "false", null)));
      } else if (!used.contains(previous.id())) {
        ActionItem flagged = previous;
        if (!previous.missingFromSource()) {
          flagged = previous.withMissingFromSource(true)
              .recording(new HistoryEntry(now, ChangeOrigin.DOCUMENT, "missingFromSource", "false", "true", null));
        }
        result.add(flagged);
        missing++;
      }
    }
    Postmortem merged = new Postmortem(stored.id(), incoming.title(), incoming.severity(), incoming.incident(),
        incoming.timeline(), incoming.measures(), result, incoming.sections(), incoming.source(), stored.recurrenceOf(),
        incoming.quality());
    return new Outcome(merged, added, changed, unchanged, missing);
  }

  /**
   * An item this tool made (a follow-up of an ineffective fix) was never in the document: it is
   * neither matched with the document's items nor missing from it.
   */
  static boolean isLocal(ActionItem item) {
    return !item.history().isEmpty() && item.history().get(0).origin() == ChangeOrigin.LOCAL
        && "created".equals(item.history().get(0).field());
  }

  /** Maps incoming ids to stored ids: same id first, then the most similar remaining title. */
  private static Map<String, String> matchIds(List<ActionItem> allStored, List<ActionItem> incoming) {
    Map<String, String> mapping = new HashMap<>();
    Set<String> takenStored = new HashSet<>();
    Set<String> storedIds = new HashSet<>();
    List<ActionItem> stored = allStored.stream().filter(i -> !isLocal(i)).toList();
    stored.forEach(i -> storedIds.add(i.id()));
    for (ActionItem in : incoming) {
      if (storedIds.contains(in.id())) {
        mapping.put(in.id(), in.id());
        takenStored.add(in.id());
      }
    }
    for (ActionItem in : incoming) {
      if (mapping.containsKey(in.id())) {
        continue;
      }
      ActionItem best = null;
      double bestScore = SIMILAR;
      for (ActionItem candidate : stored) {
        if (takenStored.contains(candidate.id())) {
          continue;
        }
        double score = similarity(in, candidate);
        if (score >= bestScore) {
          best = candidate;
          bestScore = score;
        }
      }
      if (best != null) {
        mapping.put(in.id(), best.id());
        takenStored.add(best.id());
      }
    }
    return mapping;
  }

  static double similarity(ActionItem a, ActionItem b) {
    Set<String> wa = words(a.title());
    Set<String> wb = words(b.title());
    if (wa.isEmpty() || wb.isEmpty()) {
      return 0;
    }
    Set<String> shared = new HashSet<>(wa);
    shared.retainAll(wb);
    Set<String> union = new HashSet<>(wa);
    union.addAll(wb);
    double jaccard = shared.size() / (double) union.size();
    double description = a.description() != null && Objects.equals(a.description(), b.description()) ? 0.5 : 0;
    return Math.max(jaccard, description);
  }

  private static Set<String> words(String text) {
    Set<String> words = new HashSet<>();
    for (String w : text.toLowerCase(Locale.ROOT).split("[^a-z0-9]+")) {
      if (w.length() > 2) {
        words.add(w.length() > 5 ? w.substring(0, 5) : w);
      }
    }
    return words;
  }

  private static ActionItem withId(ActionItem item, String id) {
    return new ActionItem(id, item.title(), item.description(), item.owner(), item.dueDate(), item.priority(),
        item.status(), item.type(), item.measureId(), item.tickets(), item.history(), item.missingFromSource(),
        item.verificationCriterion(), item.verification(), item.line(), item.quality());
  }

  /** A new item must not take the id of a flagged one that is still stored. */
  private static String unique(String id, Set<String> used, Set<String> stored) {
    String candidate = id;
    for (int n = 2; used.contains(candidate) || stored.contains(candidate); n++) {
      candidate = id + "-" + n;
    }
    return candidate;
  }
}
