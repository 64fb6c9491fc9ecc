package dev.followthrough.core.recurrence;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The curated failure terms (deadlock, connection pool, certificate expiry…), read from {@code
 * failure-terms.txt} beside this class and found in text as sequences of stems, so that wording
 * and inflection do not matter.
 */
final class FailureTerms {
  /**
   * One failure mode.
   *
   * @param weight how strongly sharing it points at the same failure, 0 to 1
   * @param phrases each phrase as its stems
   */
  record Term(String label, double weight, List<List<String>> phrases) {}

  private static final String RESOURCE = "failure-terms.txt";

  private final List<Term> terms;
  // Every phrase by its first stem, as {term index, phrase index}: a text is looked up at each of
  // its stems instead of searched for each of the hundreds of phrases.
  private final Map<String, List<int[]>> byFirstStem = new HashMap<>();

  private FailureTerms(List<Term> terms) {
    this.terms = List.copyOf(terms);
    for (int t = 0; t < this.terms.size(); t++) {
      List<List<String>> phrases = this.terms.get(t).phrases();
      for (int p = 0; p < phrases.size(); p++) {
        byFirstStem.computeIfAbsent(phrases.get(p).get(0), stem -> new ArrayList<>()).add(new int[] {t, p});
      }
    }
  }

  static FailureTerms load(TextAnalysis analysis) {
    List<Term> terms = new ArrayList<>();
    try (InputStream in = FailureTerms.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is missing from the class path");
      }
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] parts = line.split("\\|");
        if (parts.length != 3) {
          throw new IllegalStateException(RESOURCE + ": expected label | weight | phrases: " + line);
        }
        List<List<String>> phrases = new ArrayList<>();
        for (String phrase : parts[2].split(";")) {
          List<String> stems = analysis.stems(phrase);
          if (!stems.isEmpty()) {
            phrases.add(stems);
          }
        }
        terms.add(new Term(parts[0].strip(), Double.parseDouble(parts[1].strip()), List.copyOf(phrases)));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("reading " + RESOURCE, e);
    }
    return new FailureTerms(terms);
  }

  /** The terms found in {@code stems}, each with the stems its matched phrases cover. */
  Map<Term, List<String>> find(List<String> stems) {
    // Which phrases occur, as term index * 2^16 + phrase index: sorted, they come in the order of
    // the terms and of their phrases, each once however often it occurs.
    java.util.TreeSet<Integer> matched = new java.util.TreeSet<>();
    for (int i = 0; i < stems.size(); i++) {
      for (int[] candidate : byFirstStem.getOrDefault(stems.get(i), List.of())) {
        List<String> phrase = terms.get(candidate[0]).phrases().get(candidate[1]);
        if (i + phrase.size() <= stems.size() && stems.subList(i, i + phrase.size()).equals(phrase)) {
          matched.add(candidate[0] << 16 | candidate[1]);
        }
      }
    }
    Map<Term, List<String>> found = new LinkedHashMap<>();
    for (int key : matched) {
      Term term = terms.get(key >>> 16);
      found.computeIfAbsent(term, t -> new ArrayList<>()).addAll(term.phrases().get(key & 0xffff));
    }
    return found;
  }
}
