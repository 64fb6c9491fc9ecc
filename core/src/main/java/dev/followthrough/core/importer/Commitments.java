package dev.followthrough.core.importer;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Action items written as prose ("We will be introducing rate limiting…", "Chia plans to…",
 * "All secrets are being rotated."): the sentences of a paragraph that commit someone to future
 * work. A sentence that only says what another will bring ("This will…"), what went wrong ("It
 * should not have been possible…") or when a decision falls ("…the wording of this policy") is none.
 */
final class Commitments {
  private static final Pattern SENTENCE_END = Pattern.compile(
      "(?<!\\b(?:e\\.g|i\\.e|etc|vs|approx|incl|No|Mr|Ms|Dr|St|[A-Z]))(?<!\\d)[.!?]+(?=\\s+|$)");
  private static final Pattern PROMISE = Pattern.compile(
      "\\b(?:will|(?:we|they|i)'ll|shall|going to|plans? (?:to|on)|planning|intends? to|intend to|looking into|working (?:on|to|towards?)"
          + "|needs? to|should(?! not have| have| not)|under ?way|changes coming|in progress"
          + "|we(?:'re| are)(?: also| now| currently)? [a-z]+ing)\\b");
  /** "All certificates are being rotated": the sentence's own verb, near its start. */
  private static final Pattern UNDER_WORK = Pattern.compile("^(?:\\S+\\s+){0,5}(?:is|are)\\s+(?:also\\s+|now\\s+)?being\\s+\\w+ed\\b");
  /** Consequences, beliefs, conditions and hindsight: about the work, not the work. */
  private static final Pattern NOT_A_PROMISE = Pattern.compile(
      "^(?:this|that|these|those|it|which|doing so|together|if|while|when \\w+ing|although|as a reminder|nothing|"
          + "we (?:believe|hope|think|expect|apologi[sz]e|are confident|would like|wanted)|(?:\\w+\\s+){0,4}would have)\\b");
  private static final Pattern THING_DOES = Pattern.compile("\\b(?:it|which|that|this)\\s+$");
  private static final Pattern BACK_REFERENCE = Pattern.compile("\\b(?:this|these|that|those)\\s+([a-z][a-z-]{2,})\\b");
  private static final int MIN_WORDS = 5;

  private Commitments() {}

  /** The sentences of a paragraph, split at full stops that end one. */
  static List<String> sentences(String text) {
    List<String> out = new ArrayList<>();
    Matcher m = SENTENCE_END.matcher(text);
    int from = 0;
    while (m.find()) {
      add(out, text.substring(from, m.end()));
      from = m.end();
    }
    add(out, text.substring(from));
    return out;
  }

  private static void add(List<String> out, String sentence) {
    if (!sentence.isBlank()) {
      out.add(sentence.strip());
    }
  }

  /** A line written as a sentence, ending with a full stop, rather than a bare item such as "Rotate keys". */
  static boolean isSentence(String line) {
    String t = line.strip();
    return !t.isEmpty() && ".!?".indexOf(t.charAt(t.length() - 1)) >= 0 && Regex.split(t, "\\s+").length >= MIN_WORDS;
  }

  /** Whether one sentence commits to future work. */
  static boolean isCommitment(String sentence) {
    String s = sentence.strip().toLowerCase(Locale.ROOT).replace('’', '\'');
    if (Regex.split(s, "\\s+").length < MIN_WORDS || s.endsWith(":") || s.endsWith("?") || NOT_A_PROMISE.matcher(s).find()) {
      return false;
    }
    Matcher promise = PROMISE.matcher(s);
    while (promise.find()) {
      // "…, it will always validate blocks first" tells how a thing behaves, not who does what.
      if (!THING_DOES.matcher(s.substring(0, promise.start())).find()) {
        return true;
      }
    }
    return UNDER_WORK.matcher(s).find();
  }

  /**
   * The commitments among {@code sentences}; {@code earlier} holds the sentences before them in
   * the same section. A commitment about "this policy" after one that named a policy is a detail
   * of that one, not an item of its own.
   */
  static List<String> among(List<String> sentences, List<String> earlier) {
    List<String> found = new ArrayList<>();
    List<String> before = new ArrayList<>(earlier);
    for (String sentence : sentences) {
      // Work reported as done ("As part of remediation, we have switched to tokens.") is an item too.
      if ((isCommitment(sentence) || PastTense.isDone(sentence)) && !refersBack(sentence, before)) {
        found.add(sentence);
      }
      before.add(sentence);
    }
    return found;
  }

  private static boolean refersBack(String sentence, List<String> before) {
    Matcher m = BACK_REFERENCE.matcher(sentence.toLowerCase(Locale.ROOT));
    while (m.find()) {
      String stem = stem(m.group(1));
      for (String b : before) {
        if (Wording.significantWords(b).contains(stem)) {
          return true;
        }
      }
    }
    return false;
  }

  private static String stem(String word) {
    return word.length() > 5 ? word.substring(0, 5) : word;
  }
}
