package dev.followthrough.core.recurrence;

import dev.followthrough.core.recurrence.FailureTerms.Term;
import dev.followthrough.core.recurrence.TermCorpus.Entry;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Compares profiles within one corpus (the earlier postmortems plus the newer one), whose
 * document frequencies make words that every postmortem of the corpus uses count little. The word
 * weights are taken from the corpus when this is made; the corpus may change afterwards.
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
  private static final int SHARED_WORDS_SHOWN = 3;

  private final TermCorpus corpus;
  private final double[] idf;
  // The newer postmortem is compared with every earlier one: its length is worked out once.
  private final Entry subject;
  private final double subjectLength;

  /** Word weights from {@code corpus} as it stands now, for comparing {@code subject} with others. */
  Similarity(TermCorpus corpus, Entry subject) {
    this.corpus = corpus;
    this.idf = corpus.idf();
    this.subject = subject;
    this.subjectLength = weighedLength(subject);
  }

  /** The score alone: what is shared is worth listing only for the pairs that match. */
  double score(Entry a, Entry b) {
    double failure = failureSimilarity(a, b);
    double text = textSimilarity(a, b);
    int entities = 0;
    for (String e : a.profile().entities().keySet()) {
      if (b.profile().entities().containsKey(e)) {
        entities++;
      }
    }
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

  private static double failureSimilarity(Entry a, Entry b) {
    double dot = 0;
    for (Map.Entry<Term, Double> e : a.profile().failures().entrySet()) {
      Double other = b.profile().failures().get(e.getKey());
      if (other != null) {
        dot += TermCorpus.failureValue(e.getKey(), e.getValue()) * TermCorpus.failureValue(e.getKey(), other);
      }
    }
    // Cosine, but a profile naming less than one specific failure term is not scaled up to
    // one: two documents sharing only "timeout" are not alike.
    return dot == 0 ? 0 : dot / (Math.max(1, a.failureNorm()) * Math.max(1, b.failureNorm()));
  }

  private static boolean differentFailures(Entry a, Entry b) {
    return !a.causes().isEmpty() && !b.causes().isEmpty() && a.causes().stream().noneMatch(b.causes()::contains);
  }

  // Sums of word weights are added as integers of this many units of 1: integer addition does not
  // depend on the order, so the score's last bit does not depend on how the stems were numbered.
  private static final double UNIT = 0x1p40;

  /** TF-IDF cosine over the two profiles' sorted stem ids. */
  private double textSimilarity(Entry a, Entry b) {
    int[] ia = a.ids();
    int[] ib = b.ids();
    long dot = 0;
    for (int i = 0, j = 0; i < ia.length && j < ib.length; ) {
      if (ia[i] < ib[j]) {
        i++;
      } else if (ia[i] > ib[j]) {
        j++;
      } else {
        double w = idf[ia[i]];
        dot += Math.round(a.roots()[i++] * w * b.roots()[j++] * w * UNIT);
      }
    }
    return dot == 0 ? 0 : dot / UNIT / (length(a) * length(b));
  }

  private double length(Entry e) {
    return e == subject ? subjectLength : weighedLength(e);
  }

  // Depends on the corpus's word weights, which change as postmortems join: worked out per corpus.
  private double weighedLength(Entry e) {
    long sum = 0;
    for (int i = 0; i < e.ids().length; i++) {
      double v = e.roots()[i] * idf[e.ids()[i]];
      sum += Math.round(v * v * UNIT);
    }
    return Math.sqrt(sum / UNIT);
  }

  private double idf(String stem) {
    int id = corpus.id(stem);
    return id >= 0 && id < idf.length ? idf[id] : 1.0;
  }

  /** Shared words that no failure term or service already shows, most telling first. */
  private List<String> sharedWords(Profile a, Profile b) {
    return a.terms().keySet().stream()
        .filter(b.terms()::containsKey)
        .filter(stem -> !a.failureStems().contains(stem) && !b.failureStems().contains(stem))
        .filter(stem -> a.entities().keySet().stream().noneMatch(e -> List.of(e.split(" ")).contains(stem)))
        .sorted(Comparator.comparingDouble((String stem) ->
                -Math.min(a.terms().get(stem), b.terms().get(stem)) * Math.pow(idf(stem), 2))
            .thenComparing(Comparator.naturalOrder()))
        .map(a.words()::get)
        .toList();
  }
}
