package dev.followthrough.core.recurrence;

import dev.followthrough.core.recurrence.FailureTerms.Term;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
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

  /** A score and what it rests on. */
  record Result(double score, List<String> sharedTerms) {}

  private final Map<String, Double> idf = new HashMap<>();
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

  Result compare(Profile a, Profile b) {
    double failure = failureSimilarity(a, b);
    double text = textSimilarity(a, b);
    List<String> entities = a.entities().keySet().stream().filter(b.entities()::containsKey).sorted()
        .toList();
    double entity = 1 - Math.pow(0.5, entities.size());
    double score = FAILURE_WEIGHT * failure + TEXT_WEIGHT * text + ENTITY_WEIGHT * entity;
    if (differentFailures(a, b)) {
      score *= DIFFERENT_FAILURE_FACTOR;
    }
    score *= 1 - UNCORROBORATED_LOSS * (1 - Math.min(1, text / CORROBORATING_TEXT));
    List<String> shared = new ArrayList<>();
    a.failures().keySet().stream().filter(b.failures()::containsKey)
        .sorted(Comparator.comparingDouble((Term t) -> -t.weight() * a.failures().get(t) * b.failures().get(t))
            .thenComparing(Term::label))
        .forEach(t -> shared.add(t.label()));
    entities.forEach(e -> shared.add(a.entities().get(e)));
    sharedWords(a, b).stream().limit(SHARED_WORDS_SHOWN).forEach(shared::add);
    return new Result(Math.min(1.0, Math.max(0.0, score)), shared);
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

  private static boolean differentFailures(Profile a, Profile b) {
    List<Term> causesA = causes(a);
    List<Term> causesB = causes(b);
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
    Map<String, Double> va = vector(a);
    Map<String, Double> vb = vector(b);
    double dot = 0;
    for (Map.Entry<String, Double> e : va.entrySet()) {
      dot += e.getValue() * vb.getOrDefault(e.getKey(), 0.0);
    }
    return dot == 0 ? 0 : dot / (length(va) * length(vb));
  }

  private Map<String, Double> vector(Profile p) {
    Map<String, Double> v = new HashMap<>();
    // Square root of the count: a word repeated ten times is not ten times the evidence.
    p.terms().forEach((stem, count) -> v.put(stem, Math.sqrt(count) * idf.getOrDefault(stem, 1.0)));
    return v;
  }

  private static double length(Map<String, Double> v) {
    return Math.sqrt(v.values().stream().mapToDouble(x -> x * x).sum());
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
