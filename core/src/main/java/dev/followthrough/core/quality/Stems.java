package dev.followthrough.core.quality;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;

/**
 * Lucene's English analysis of an item's words: each word keeps its stem, as written, and the text
 * between it and the word before (where stop words such as "and", "to", "then" went), so that
 * clause boundaries stay visible.
 */
final class Stems {
  /** A word of the text; {@code gapBefore} is lower-cased. */
  record Word(String stem, String raw, String gapBefore) {}

  private static final Analyzer ANALYZER = new EnglishAnalyzer();

  private Stems() {}

  static List<Word> words(String text) {
    List<Word> words = new ArrayList<>();
    if (text == null || text.isBlank()) {
      return words;
    }
    synchronized (ANALYZER) {
      try (TokenStream stream = ANALYZER.tokenStream("text", text)) {
        CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
        OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
        stream.reset();
        int previousEnd = 0;
        while (stream.incrementToken()) {
          String gap = text.substring(Math.min(previousEnd, offset.startOffset()), offset.startOffset());
          words.add(new Word(term.toString(), text.substring(offset.startOffset(), offset.endOffset())
              .toLowerCase(Locale.ROOT), gap.toLowerCase(Locale.ROOT)));
          previousEnd = offset.endOffset();
        }
        stream.end();
      } catch (IOException e) {
        throw new UncheckedIOException("analysing text held in memory", e);
      }
    }
    return words;
  }

  /**
   * The stems of the given base words and of their usual inflections (adds, added, adding), since
   * the Porter stemmer does not always bring them together ("adding" becomes "ad").
   */
  static Set<String> ofVerbs(String baseWords) {
    Set<String> stems = new HashSet<>();
    for (String base : baseWords.strip().split("\\s+")) {
      for (String form : inflections(base)) {
        words(form).forEach(w -> stems.add(w.stem()));
      }
    }
    return Set.copyOf(stems);
  }

  /** The stems of the given words, as written. */
  static Set<String> of(String words) {
    Set<String> stems = new HashSet<>();
    words(words).forEach(w -> stems.add(w.stem()));
    return Set.copyOf(stems);
  }

  private static List<String> inflections(String v) {
    List<String> forms = new ArrayList<>(List.of(v, v + "s", v + "ed", v + "ing", v + "es"));
    char last = v.charAt(v.length() - 1);
    if (last == 'e') {
      forms.add(v.substring(0, v.length() - 1) + "ing");
      forms.add(v + "d");
    } else if (last == 'y') {
      forms.add(v.substring(0, v.length() - 1) + "ied");
    } else if ("aeiou".indexOf(last) < 0 && v.length() > 2) {
      forms.add(v + last + "ed");
      forms.add(v + last + "ing");
    }
    return forms;
  }
}
