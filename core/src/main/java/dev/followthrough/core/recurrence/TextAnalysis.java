package dev.followthrough.core.recurrence;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.WordlistLoader;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.snowball.SnowballFilter;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;

/**
 * Lucene's English analysis (standard tokenizer, possessives, lower case, stop words, Porter
 * stemmer), keeping each stem's original word so that shared terms read as written.
 */
final class TextAnalysis {
  /** A stem and the word it came from, lower-cased. */
  record Token(String stem, String word) {}

  // Words every postmortem uses; they say nothing about which failure it was.
  private static final String BOILERPLATE = """
      incident incidents outage outages issue issues problem problems postmortem report summary
      user users customer customers team teams engineer engineers on-call oncall alert alerts
      alerted alerting page paged root cause caused causes causing resolve resolved resolution
      impact impacted affect affected affecting time times minute minutes hour hours day days
      week weeks fix fixed fixes add added adding ensure implement improve improved review update
      updated prevent preventive preventative corrective future action actions item items task
      tasks owner due priority utc am pm est system systems error errors fail failed failing
      failure failures down also approximately percent request requests investigate investigation
      identified identify found detected detect escalated escalation started began led result
      resulted resulting lead leading make made use used using new old able unable work working
      whole entire every need needs needed one two three first second third last next take taken
      happen happened occurred occur still back again already around within across since via
      us it's we're re ran run runs took take takes went go goes http https www
      """;

  private final Analyzer analyzer = new EnglishAnalyzer();
  private final Set<String> uninformative;

  TextAnalysis() {
    Set<String> stems = new HashSet<>(stems(BOILERPLATE));
    try (InputStream in = SnowballFilter.class.getResourceAsStream("english_stop.txt")) {
      if (in == null) {
        throw new IllegalStateException("Lucene's English stop words are missing");
      }
      CharArraySet snowball = WordlistLoader.getSnowballWordSet(new InputStreamReader(in, StandardCharsets.UTF_8));
      for (Object word : snowball) {
        stems.addAll(stems(new String((char[]) word)));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Lucene's English stop words are missing", e);
    }
    uninformative = Set.copyOf(stems);
  }

  /** The tokens of {@code text} in order; stop words are already gone. */
  List<Token> tokens(String text) {
    List<Token> tokens = new ArrayList<>();
    if (text == null || text.isBlank()) {
      return tokens;
    }
    try (TokenStream stream = analyzer.tokenStream("text", text)) {
      CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
      OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
      stream.reset();
      while (stream.incrementToken()) {
        // The possessive filter dropped "'s" from the stem; drop it from the word shown too.
        String word = text.substring(offset.startOffset(), offset.endOffset()).toLowerCase(Locale.ROOT);
        tokens.add(new Token(term.toString(), withoutPossessive(word)));
      }
      stream.end();
    } catch (IOException e) {
      throw new UncheckedIOException("analysing text held in memory", e);
    }
    return tokens;
  }

  // As replaceFirst("['’]s$", "") without a regular expression per token.
  private static String withoutPossessive(String word) {
    int n = word.length();
    boolean possessive = n >= 2 && word.charAt(n - 1) == 's'
        && (word.charAt(n - 2) == '\'' || word.charAt(n - 2) == '\u2019');
    return possessive ? word.substring(0, n - 2) : word;
  }

  List<String> stems(String text) {
    return tokens(text).stream().map(Token::stem).toList();
  }

  /** Whether a stem can tell one failure from another: no boilerplate, no bare numbers. */
  boolean informative(String stem) {
    return stem.length() > 1 && stem.chars().anyMatch(Character::isLetter) && !uninformative.contains(stem)
        && stem.chars().filter(Character::isDigit).count() < 3;
  }
}
