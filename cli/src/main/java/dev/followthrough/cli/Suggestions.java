package dev.followthrough.cli;

import java.util.Collection;
import java.util.List;
import org.apache.lucene.util.automaton.Automaton;
import org.apache.lucene.util.automaton.LevenshteinAutomata;
import org.apache.lucene.util.automaton.Operations;

/**
 * The commands a mistyped word was likely meant to be: within one edit, else two, counting a swap
 * of neighbouring letters as one edit ("lsit" is "list"), with Lucene's Levenshtein automata.
 */
final class Suggestions {
  private Suggestions() {}

  static List<String> near(String typed, Collection<String> names) {
    for (int edits = 1; edits <= 2; edits++) {
      Automaton near = new LevenshteinAutomata(typed, true).toAutomaton(edits);
      List<String> found = names.stream().filter(n -> Operations.run(near, n)).sorted().toList();
      if (!found.isEmpty()) {
        return found;
      }
    }
    return List.of();
  }
}
