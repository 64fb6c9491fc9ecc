package dev.followthrough.core.importer;

import com.fasterxml.jackson.databind.JsonNode;
import dev.followthrough.core.model.ActionItem;
import dev.followthrough.core.model.ItemStatus;
import dev.followthrough.core.model.Postmortem;
import dev.followthrough.core.model.TimelineEntry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.apache.commons.text.similarity.CosineSimilarity;
import org.apache.commons.text.similarity.LevenshteinDistance;

/**
 * Scores parsed postmortems against hand-labelled expectations: which expected action items were
 * found (by title similarity), how many produced items are real, and whether the fields, the
 * timeline and the incident times are right. Collects misses so a failing run says where.
 */
final class CorpusScore {
  /** Two titles name the same item at or above this similarity. */
  static final double SAME_TITLE = 0.6;

  private static final CosineSimilarity COSINE = new CosineSimilarity();
  private static final LevenshteinDistance LEVENSHTEIN = LevenshteinDistance.getDefaultInstance();

  final Ratio recall = new Ratio();
  final Ratio precision = new Ratio();
  final Map<String, Ratio> fields = new java.util.LinkedHashMap<>();
  final Ratio timelineCount = new Ratio();
  final Ratio timelineInstants = new Ratio();
  final Ratio start = new Ratio();
  final Ratio end = new Ratio();
  final Ratio impact = new Ratio();
  final List<String> misses = new ArrayList<>();
  int documents;
  /** Documents the importer refused (threw instead of returning a postmortem). */
  int refusals;

  CorpusScore() {
    for (String f : List.of("owner", "due", "priority", "done")) {
      fields.put(f, new Ratio());
    }
  }

  /** A share of hits; empty shares count as complete so that an absent category never fails. */
  static final class Ratio {
    int hits;
    int total;

    void add(boolean hit) {
      total++;
      hits += hit ? 1 : 0;
    }

    double value() {
      return total == 0 ? 1.0 : hits / (double) total;
    }

    @Override
    public String toString() {
      return String.format(Locale.ROOT, "%5.1f%% (%d/%d)", 100 * value(), hits, total);
    }
  }

  void score(String id, Postmortem p, JsonNode expected) {
    documents++;
    items(id, p.actionItems(), expected.path("actionItems"));
    timeline(id, p.timeline(), expected.path("timeline"));
    JsonNode incident = expected.path("incident");
    instant(id, "start", start, text(incident, "start"), p.incident().start());
    instant(id, "end", end, text(incident, "end"), p.incident().end());
    if (incident.hasNonNull("impactPercent")) {
      double want = incident.get("impactPercent").asDouble();
      Double got = p.incident().impactPercent();
      boolean hit = got != null && Math.abs(got - want) < 0.01;
      impact.add(hit);
      if (!hit) {
        misses.add(id + ": impact " + got + " (want " + want + ")");
      }
    }
  }

  /** A document that failed to parse: everything it should have given is missed. */
  void failed(String id, String message, JsonNode expected) {
    documents++;
    refusals++;
    misses.add(id + ": FAILED " + message);
    expected.path("actionItems").forEach(e -> recall.add(false));
    if (expected.path("timeline").hasNonNull("count")) {
      timelineCount.add(false);
    }
  }

  private void items(String id, List<ActionItem> produced, JsonNode expected) {
    boolean[] taken = new boolean[produced.size()];
    for (JsonNode want : expected) {
      String title = text(want, "title");
      int best = -1;
      double bestScore = SAME_TITLE;
      for (int i = 0; i < produced.size(); i++) {
        double s = similarity(title, produced.get(i).title());
        if (!taken[i] && s >= bestScore) {
          best = i;
          bestScore = s;
        }
      }
      recall.add(best >= 0);
      if (best < 0) {
        misses.add(id + ": missed item '" + title + "'");
        continue;
      }
      taken[best] = true;
      ActionItem got = produced.get(best);
      field(id, "owner", normalOwner(text(want, "owner")), normalOwner(got.owner()), got);
      field(id, "due", text(want, "dueDate"), got.dueDate() == null ? null : got.dueDate().toString(), got);
      field(id, "priority", text(want, "priority"), got.priority() == null ? null : got.priority().name(), got);
      field(id, "done", String.valueOf(want.path("done").asBoolean(false)),
          String.valueOf(got.status() == ItemStatus.DONE), got);
    }
    for (int i = 0; i < produced.size(); i++) {
      precision.add(taken[i]);
      if (!taken[i]) {
        misses.add(id + ": extra item '" + produced.get(i).title() + "'");
      }
    }
  }

  private void field(String id, String name, String want, String got, ActionItem item) {
    boolean hit = Objects.equals(want, got);
    fields.get(name).add(hit);
    if (!hit) {
      misses.add(id + ": " + name + " of '" + item.title() + "' is " + got + " (want " + want + ")");
    }
  }

  private void timeline(String id, List<TimelineEntry> produced, JsonNode expected) {
    if (!expected.hasNonNull("count")) {
      return;
    }
    int count = expected.get("count").asInt();
    boolean exact = produced.size() == count;
    timelineCount.add(exact);
    if (!exact) {
      misses.add(id + ": timeline has " + produced.size() + " entries (want " + count + ")");
    }
    JsonNode entries = expected.path("entries");
    for (int i = 0; i < entries.size(); i++) {
      String at = text(entries.get(i), "at");
      if (at == null) {
        continue;
      }
      TimelineEntry match = counterpart(produced, entries.get(i), i, entries.size());
      Instant got = match == null ? null : match.at();
      boolean hit = got != null && got.equals(Instant.parse(at));
      timelineInstants.add(hit);
      if (!hit) {
        misses.add(id + ": timeline entry " + (i + 1) + " at " + got + " (want " + at + ")");
      }
    }
  }

  /** The produced entry for an expected one: the same position when counts agree, else the most similar text. */
  private static TimelineEntry counterpart(List<TimelineEntry> produced, JsonNode want, int index, int count) {
    if (produced.size() == count) {
      return produced.get(index);
    }
    String text = text(want, "text");
    TimelineEntry best = null;
    double bestScore = 0.5;
    for (TimelineEntry e : produced) {
      double s = text == null ? 0 : similarity(text, e.text());
      if (s > bestScore) {
        best = e;
        bestScore = s;
      }
    }
    return best;
  }

  private void instant(String id, String name, Ratio ratio, String want, Instant got) {
    if (want == null) {
      return;
    }
    boolean hit = got != null && got.equals(Instant.parse(want));
    ratio.add(hit);
    if (!hit) {
      misses.add(id + ": incident " + name + " " + got + " (want " + want + ")");
    }
  }

  /**
   * How alike two titles are, 0 to 1: word cosine of the normalised titles, or their edit-distance
   * ratio, whichever is higher, so that reworded and lightly edited titles both match.
   */
  static double similarity(String a, String b) {
    String x = normal(a);
    String y = normal(b);
    if (x.isEmpty() || y.isEmpty()) {
      return 0;
    }
    double cosine = COSINE.cosineSimilarity(counts(x), counts(y));
    double edit = 1 - LEVENSHTEIN.apply(x, y) / (double) Math.max(x.length(), y.length());
    return Math.max(cosine, edit);
  }

  private static String normal(String text) {
    return text == null ? "" : text.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
  }

  private static Map<CharSequence, Integer> counts(String normalised) {
    Map<CharSequence, Integer> counts = new HashMap<>();
    for (String w : normalised.split(" ")) {
      counts.merge(w, 1, Integer::sum);
    }
    return counts;
  }

  private static String normalOwner(String owner) {
    return owner == null ? null : owner.strip().replaceFirst("^@", "").toLowerCase(Locale.ROOT);
  }

  private static String text(JsonNode node, String field) {
    JsonNode v = node.get(field);
    return v == null || v.isNull() || v.asText().isBlank() ? null : v.asText();
  }

  List<String> report() {
    return report("CORPUS");
  }

  /** The aggregate figures, one per line, each starting with {@code prefix}; no titles, no misses. */
  List<String> report(String prefix) {
    List<String> lines = new ArrayList<>();
    lines.add(prefix + " documents: " + documents);
    lines.add(prefix + " action items: recall " + recall + ", precision " + precision);
    fields.forEach((name, r) -> lines.add(prefix + " field " + name + ": " + r));
    lines.add(prefix + " timeline count exact: " + timelineCount + " of documents");
    lines.add(prefix + " timeline instants right: " + timelineInstants + " of entries with a time");
    lines.add(prefix + " incident start right: " + start + ", end right: " + end);
    lines.add(prefix + " impact percent right: " + impact);
    lines.add(prefix + " refusals: " + refusals + " of " + documents + " documents");
    return lines;
  }
}
