package dev.followthrough.core.recurrence;

import dev.followthrough.core.recurrence.FailureTerms.Term;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Compares profiles within one corpus (the earlier postmortems plus the newer one), whose
 * document frequencies make words that every postmortem of the corpus uses count little.
 */
final class Similarity {
  private static final double FAILURE_WEIGHT = 0.45;
  private static final double TEXT_WEIGHT = 0.45;
  private static final double ENTITY_WEIGHT = 0.10;
  // A failure term shared with no wording in common is weaker evidence: the same failure mode
  // in an unrelated system. Below this wording similarity the score shrinks, by 40% at zero.
  private static final double CORROBORATING_TEXT = 0.15;
  private static final double UNCORROBORATED_LOSS = 0.4;
  // Two documents that each name a specific failure mode in their cause, but not the same one,
  // describe different failures however alike their wording.
  private static final double DIFFERENT_FAILURE_FACTOR = 0.5;
  private static final double SPECIFIC = 0.6;
  private static final double CAUSE = 0.8;
  private static final int SHARED_WORDS_SHOWN = 3;

  private final Map<String, Double> idf = new HashMap<>();
  // The newer postmortem is compared with every earlier one: weigh its words once.
  private final Map<Profile, Weighted> vectors = new IdentityHashMap<>();
  private final Map<Profile, List<Term>> causes = new IdentityHashMap<>();
  private final double corpusSize;

  Similarity(List<Profile> corpus) {
    Map<String, Integer> df = new HashMap<>();
    for (Profile p : corpus) {
      p.terms().keySet().forEach(stem -> df.merge(stem, 1, Integer::sum));
    }
    corpusSize = corpus.size();
    // Smoothed so that a word in every document still counts a little.
    df.forEach((stem, n) -> idf.put(stem, Math.log((corpusSize + 1) / (n + 1)) + 1));
  }

  /** The score alone: what is shared is worth listing only for the pairs that match. */
  double score(Profile a, Profile b) {
    double failure = failureSimilarity(a, b);
    double text = textSimilarity(a, b);
    long entities = a.entities().keySet().stream().filter(b.entities()::containsKey).count();
    double entity = 1 - Math.pow(0.5, entities);
    double score = FAILURE_WEIGHT * failure + TEXT_WEIGHT * text + ENTITY_WEIGHT * entity;
    if (differentFailures(a, b)) {
      score *= DIFFERENT_FAILURE_FACTOR;
    }
    score *= 1 - UNCORROBORATED_LOSS * (1 - Math.min(1, text / CORROBORATING_TEXT));
    return Math.min(1.0, Math.max(0.0, score));
  }

  /** Failure terms, then services, then the most telling other words both name. */
  List<String> sharedTerms(Profile a, Profile b) {
    List<String> shared = new ArrayList<>();
    a.failures().keySet().stream().filter(b.failures()::containsKey)
        .sorted(Comparator.comparingDouble((Term t) -> -t.weight() * a.failures().get(t) * b.failures().get(t))
            .thenComparing(Term::label))
        .forEach(t -> shared.add(t.label()));
    a.entities().keySet().stream().filter(b.entities()::containsKey).sorted()
        .forEach(e -> shared.add(a.entities().get(e)));
    sharedWords(a, b).stream().limit(SHARED_WORDS_SHOWN).forEach(shared::add);
    return shared;
  }

  private static double failureSimilarity(Profile a, Profile b) {
    double dot = 0;
    for (Map.Entry<Term, Double> e : a.failures().entrySet()) {
      Double other = b.failures().get(e.getKey());
      if (other != null) {
        dot += value(e.getKey(), e.getValue()) * value(e.getKey(), other);
      }
    }
    // Cosine, but a profile naming less than one specific failure term is not scaled up to
    // one: two documents sharing only "timeout" are not alike.
    return dot == 0 ? 0 : dot / (Math.max(1, norm(a)) * Math.max(1, norm(b)));
  }

  private static double value(Term term, double fieldWeight) {
    return term.weight() * fieldWeight;
  }

  private static double norm(Profile p) {
    return Math.sqrt(p.failures().entrySet().stream()
        .mapToDouble(e -> Math.pow(value(e.getKey(), e.getValue()), 2)).sum());
  }

  private boolean differentFailures(Profile a, Profile b) {
    List<Term> causesA = causes.computeIfAbsent(a, Similarity::causes);
    List<Term> causesB = causes.computeIfAbsent(b, Similarity::causes);
    return !causesA.isEmpty() && !causesB.isEmpty() && causesA.stream().noneMatch(causesB::contains);
  }

  /** The specific failure terms named where the document names its failure most prominently. */
  private static List<Term> causes(Profile p) {
    double top = p.failures().entrySet().stream().filter(e -> e.getKey().weight() >= SPECIFIC)
        .mapToDouble(Map.Entry::getValue).max().orElse(0);
    return p.failures().entrySet().stream()
        .filter(e -> e.getKey().weight() >= SPECIFIC && e.getValue() >= CAUSE && e.getValue() == top)
        .map(Map.Entry::getKey).toList();
  }

  private double textSimilarity(Profile a, Profile b) {
    Weighted va = vector(a);
    Weighted vb = vector(b);
    double dot = 0;
    for (Map.Entry<String, Double> e : va.weights().entrySet()) {
      dot += e.getValue() * vb.weights().getOrDefault(e.getKey(), 0.0);
    }
    return dot == 0 ? 0 : dot / (va.length() * vb.length());
  }

  private record Weighted(Map<String, Double> weights, double length) {}

  private Weighted vector(Profile p) {
    return vectors.computeIfAbsent(p, this::weigh);
  }

  private Weighted weigh(Profile p) {
    Map<String, Double> v = new HashMap<>();
    // Square root of the count: a word repeated ten times is not ten times the evidence.
    p.terms().forEach((stem, count) -> v.put(stem, Math.sqrt(count) * idf.getOrDefault(stem, 1.0)));
    return new Weighted(v, Math.sqrt(v.values().stream().mapToDouble(x -> x * x).sum()));
  }

  /** Shared words that no failure term or service already shows, most telling first. */
  private List<String> sharedWords(Profile a, Profile b) {
    return a.terms().keySet().stream()
        .filter(b.terms()::containsKey)
        .filter(stem -> !a.failureStems().contains(stem) && !b.failureStems().contains(stem))
        .filter(stem -> a.entities().keySet().stream().noneMatch(e -> List.of(e.split(" ")).contains(stem)))
        .sorted(Comparator.comparingDouble((String stem) ->
                -Math.min(a.terms().get(stem), b.terms().get(stem)) * Math.pow(idf.get(stem), 2))
            .thenComparing(Comparator.naturalOrder()))
        .map(a.words()::get)
        .toList();
  }
}
