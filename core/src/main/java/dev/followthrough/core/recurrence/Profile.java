package dev.followthrough.core.recurrence;

import dev.followthrough.core.recurrence.FailureTerms.Term;
import java.util.Map;
import java.util.Set;

/**
 * What the detector compares of one postmortem, built by {@link Profiler}.
 *
 * @param terms stem to weighted count
 * @param words stem to the first word seen for it, to show shared terms as written
 * @param failures failure term to the weight of the most telling field that names it
 * @param failureStems every stem that a found failure term covers
 * @param entities services and components named, such as "booking service": stems to words
 */
record Profile(
    String id,
    Map<String, Double> terms,
    Map<String, String> words,
    Map<Term, Double> failures,
    Set<String> failureStems,
    Map<String, String> entities) {

  Profile {
    terms = Map.copyOf(terms);
    words = Map.copyOf(words);
    failures = Map.copyOf(failures);
    failureStems = Set.copyOf(failureStems);
    entities = Map.copyOf(entities);
  }
}
