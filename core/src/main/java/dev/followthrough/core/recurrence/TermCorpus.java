package dev.followthrough.core.recurrence;

import dev.followthrough.core.recurrence.FailureTerms.Term;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The profiles a newer one is compared with, as numbers: each stem gets an id, each profile its
 * stem ids with the square roots of their counts, and the corpus counts in how many profiles each
 * stem occurs as profiles join and leave. Comparing a newer profile with a thousand earlier ones
 * then needs no pass over the words of the others, and what does not depend on the corpus (the
 * failure-term norm, the causes) is worked out once per profile. Not thread-safe.
 */
final class TermCorpus {
  // A failure term at least this specific, named with at least this field weight, states the cause.
  private static final double SPECIFIC = 0.6;
  private static final double CAUSE = 0.8;

  /**
   * One profile as the corpus numbers it.
   *
   * @param ids its stems' ids, ascending
   * @param roots the square root of each stem's weighted count, in the order of {@code ids}
   * @param failureNorm the length of its failure-term vector
   * @param causes the specific failure terms named where it names its failure most prominently
   */
  record Entry(Profile profile, int[] ids, double[] roots, double failureNorm, List<Term> causes) {}

  private final Map<String, Integer> ids = new HashMap<>();
  private int[] documentFrequency = new int[1024];
  private int size;

  /** The profile numbered with this corpus's ids, not yet counted in it. */
  Entry entry(Profile profile) {
    int[] stemIds = new int[profile.terms().size()];
    Map<Integer, Double> counts = new HashMap<>();
    int n = 0;
    for (Map.Entry<String, Double> term : profile.terms().entrySet()) {
      int id = ids.computeIfAbsent(term.getKey(), stem -> ids.size());
      stemIds[n++] = id;
      counts.put(id, term.getValue());
    }
    Arrays.sort(stemIds);
    double[] roots = new double[stemIds.length];
    for (int i = 0; i < stemIds.length; i++) {
      // Square root of the count: a word repeated ten times is not ten times the evidence.
      roots[i] = Math.sqrt(counts.get(stemIds[i]));
    }
    return new Entry(profile, stemIds, roots, failureNorm(profile), causes(profile));
  }

  void add(Entry entry) {
    if (documentFrequency.length < ids.size()) {
      documentFrequency = Arrays.copyOf(documentFrequency, Math.max(ids.size(), 2 * documentFrequency.length));
    }
    for (int id : entry.ids()) {
      documentFrequency[id]++;
    }
    size++;
  }

  void remove(Entry entry) {
    for (int id : entry.ids()) {
      documentFrequency[id]--;
    }
    size--;
  }

  /** The inverse document frequency of every stem id, as the corpus stands now. */
  double[] idf() {
    double[] idf = new double[ids.size()];
    for (int id = 0; id < idf.length; id++) {
      // Smoothed so that a word in every document still counts a little.
      int df = id < documentFrequency.length ? documentFrequency[id] : 0;
      idf[id] = Math.log((size + 1.0) / (df + 1)) + 1;
    }
    return idf;
  }

  /** The id of a stem, or -1 when no profile of this corpus has it. */
  int id(String stem) {
    return ids.getOrDefault(stem, -1);
  }

  int size() {
    return size;
  }

  static double failureValue(Term term, double fieldWeight) {
    return term.weight() * fieldWeight;
  }

  private static double failureNorm(Profile p) {
    double sum = 0;
    for (Map.Entry<Term, Double> e : p.failures().entrySet()) {
      double v = failureValue(e.getKey(), e.getValue());
      sum += v * v;
    }
    return Math.sqrt(sum);
  }

  private static List<Term> causes(Profile p) {
    double top = p.failures().entrySet().stream().filter(e -> e.getKey().weight() >= SPECIFIC)
        .mapToDouble(Map.Entry::getValue).max().orElse(0);
    return p.failures().entrySet().stream()
        .filter(e -> e.getKey().weight() >= SPECIFIC && e.getValue() >= CAUSE && e.getValue() == top)
        .map(Map.Entry::getKey).toList();
  }
}
