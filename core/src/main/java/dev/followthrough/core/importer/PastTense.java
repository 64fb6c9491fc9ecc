package dev.followthrough.core.importer;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Items written as work already carried out ("We enabled branch protection", "The old action has
 * been removed", "Migrated the node to a larger server"): done, unless what was done is only a
 * ticket or a plan for the work, or its start.
 */
final class PastTense {
  private static final Pattern WE_DID = Pattern.compile(
      "^we\\s+(?:have\\s+|had\\s+|also\\s+|already\\s+)*(?:(?!need\\b|proceed\\b|exceed\\b|succeed\\b)[a-z-]+ed\\b|sent|wrote|built|ran|made|took|put|set up|shipped)\\b");
  private static final Pattern HAS_BEEN = Pattern.compile("^(?:\\S+\\s+){0,8}?(?:has|have)\\s+(?:already\\s+)?been\\s+[a-z-]+(?:ed|en|t)\\b");
  private static final Pattern ONLY_PLANNED = Pattern.compile(
      "^(?:\\S+\\s+){0,4}?(?:a|an|the)\\s+(?:ticket|issue|plan|proposal|rfc|pr|pull request|follow-up|draft)\\b"
          + "|^(?:we\\s+)?(?:started|began|begun)\\b");
  /** "As part of remediation, we have…": a short opening phrase before the report. */
  private static final Pattern LEADING_CLAUSE = Pattern.compile("^(?:\\S+\\s+){0,5}?\\S+,\\s+");
  private static final java.util.Set<String> IRREGULAR = java.util.Set.of("sent", "wrote", "built", "ran", "made");

  /** Past forms that before a noun describe it rather than report work done. */
  private static final java.util.Set<String> DESCRIBING = java.util.Set.of("automated", "dedicated", "centralized",
      "centralised", "standardized", "standardised", "structured", "detailed", "unified", "integrated", "managed",
      "distributed", "advanced", "automatic", "scheduled", "documented", "versioned", "tiered", "staged");
  private static final java.util.Set<String> DETERMINERS = java.util.Set.of("the", "a", "an", "our", "all", "this",
      "these", "those", "its", "their", "some", "every", "each", "it", "them", "away", "out", "up");

  private static final int MAX_PARTICIPLE_TITLE = 4;

  private PastTense() {}

  static boolean isDone(String text) {
    // "We've established…" reports as "We have established…" does.
    String t = text.strip().toLowerCase(Locale.ROOT).replace('’', '\'').replace("we've ", "we have ");
    // Every report holds a past form ("…ed", "been", "sent"); most items hold none and stop here.
    if (!t.contains("ed ") && !t.contains("been") && !t.endsWith("ed") && !IRREGULAR.contains(firstWord(t))) {
      return false;
    }
    boolean reported = reportsWork(t) || reportsWork(LEADING_CLAUSE.matcher(t).replaceFirst("")) || opensWithPastVerb(text.strip())
        || endsWithParticiple(t);
    // "Changes that have been tested should be deployed one by one" promises; it reports nothing.
    return reported && !ONLY_PLANNED.matcher(t).find() && !Commitments.isCommitment(text);
  }

  private static String firstWord(String lower) {
    int space = lower.indexOf(' ');
    return space < 0 ? lower : lower.substring(0, space);
  }

  /** "We have switched to scoped tokens", "The old action has been removed". */
  static boolean reportsWork(String lower) {
    return WE_DID.matcher(lower).find() || HAS_BEEN.matcher(lower).find();
  }

  /**
   * "Migrated the Asia node…": a task verb in the past at the start. A Title Case name such as
   * "Automated Load Testing" uses the same word as an adjective and is no report of work.
   */
  private static boolean opensWithPastVerb(String text) {
    String[] words = Regex.split(text, "\\s+");
    if (words.length < 3 || isTitleCase(words)) {
      return false;
    }
    String first = Regex.replaceAll(words[0].toLowerCase(Locale.ROOT), "[^a-z-]", "");
    if (DESCRIBING.contains(first) && !DETERMINERS.contains(words[1].toLowerCase(Locale.ROOT))) {
      // "Automated detection of…", "Dedicated runbook for…": the word describes a thing to have.
      return false;
    }
    if (IRREGULAR.contains(first)) {
      return true;
    }
    String stem = first.endsWith("ied") ? first.substring(0, first.length() - 3) + "y"
        : first.endsWith("ed") ? first.substring(0, first.length() - 2) : null;
    return stem != null && (ActionVerbs.isVerb(stem) || ActionVerbs.isVerb(stem + "e")
        || stem.length() > 2 && stem.charAt(stem.length() - 1) == stem.charAt(stem.length() - 2)
            && ActionVerbs.isVerb(stem.substring(0, stem.length() - 1)));
  }

  /**
   * "Alerts configured", "Cron cleanup scheduled": a short title that names a thing and ends with
   * what was done to it reports the work done. One that opens with a task verb ("Check alerts
   * configured") asks for work.
   */
  static boolean namesDoneWork(String title) {
    String t = title.strip().toLowerCase(Locale.ROOT);
    return t.endsWith("ed") && endsWithParticiple(t) && !Commitments.isCommitment(title);
  }

  private static boolean endsWithParticiple(String lower) {
    String[] words = Regex.split(Regex.replaceAll(lower, "[^a-z\\s-]", " ").strip(), "\\s+");
    if (words.length < 2 || words.length > MAX_PARTICIPLE_TITLE || ActionVerbs.isVerb(words[0])) {
      return false;
    }
    return opensWithPastVerb(words[words.length - 1] + " the work");
  }

  private static boolean isTitleCase(String[] words) {
    int capitals = 0;
    for (String w : words) {
      capitals += !w.isEmpty() && Character.isUpperCase(w.charAt(0)) ? 1 : 0;
    }
    return capitals == words.length;
  }
}
