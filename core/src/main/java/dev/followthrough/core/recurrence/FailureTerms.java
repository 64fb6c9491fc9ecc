package dev.followthrough.core.recurrence;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
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

  private FailureTerms(List<Term> terms) {
    this.terms = List.copyOf(terms);
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
    Map<Term, List<String>> found = new LinkedHashMap<>();
    for (Term term : terms) {
      for (List<String> phrase : term.phrases()) {
        if (Collections.indexOfSubList(stems, phrase) >= 0) {
          found.computeIfAbsent(term, t -> new ArrayList<>()).addAll(phrase);
        }
      }
    }
    return found;
  }
}
