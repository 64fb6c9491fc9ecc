package dev.followthrough.core.quality;

import dev.followthrough.core.quality.Stems.Word;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Judges an item's wording without part-of-speech tagging: the first word whose stem is on a list
 * of verbs is its action; a soft verb (improve, investigate…) needs a measurable object; a
 * relative word (better, more, reduce…) needs a number; several verbs of work joined by "and",
 * "then" or ";" are several actions.
 */
final class Wording {
  /** Verbs that name work whose result can be checked. */
  private static final Set<String> WORK = Stems.ofVerbs("""
      add adopt allow apply archive assign audit automate backport back block build bump change check clean
      cleanup clear collect compare configure cordon create cull decide define delete deploy deprecate design
      determine develop disable document downgrade drop enable encrypt enforce establish expose extend find fix
      formalize formalise get give harden have identify implement include install instrument integrate
      introduce isolate limit log mark measure migrate mirror modify move notify page parallelize pin plan
      prescale provide publish purge re-architect re-enable rebuild refactor release remove rename replace
      request require reset restart restrict restore retrieve revert revoke rewrite roll rotate run schedule
      seed send separate set setup ship speak spin split start stop store switch talk test train turn update
      upgrade use validate verify write alert monitor prevent ask assess contact communicate segment support
      adapt articulate reach share map onboard profile spike activate protect perform abolish handle treat
      assert deliver do drill fund purge put raise reply retire scan sign tag wipe scale backup duplicate cancel
      downscale upscale reach track reduce increase decrease lower speed""");
  private static final Set<String> IRREGULAR = Set.of("wrote", "written", "made", "built", "ran", "got",
      "sent", "found", "spoke", "began", "begun", "done", "did", "rebuilt", "set", "put", "shut");
  /** Verbs that name an effort rather than a result. */
  private static final Set<String> SOFT = Stems.ofVerbs("""
      improve enhance investigate review consider look explore continue think keep ensure revisit tune optimize
      optimise strengthen align streamline research evaluate figure discuss try attempt encourage work
      entertain""");
  /** Verbs and words that compare with today without saying by how much. */
  private static final Set<String> RELATIVE = Stems.of("""
      better more less much faster quicker robust efficient gracefully quickly easier easy regular
      regularly further improved exhaustive strict stricter proper properly sustainable comprehensive
      mature modern reliably increase increased reduce reduced decrease lower speed expand expanded
      elevated different negligible large""");
  /** Words that may stand before the action: who does it, a modal, an adverb ("We will soon add"). */
  private static final Set<String> OPENERS = Set.of("we", "i", "should", "must", "need", "needs", "shall",
      "plan", "plans", "going", "been", "being", "have", "has", "had", "can", "could", "would", "also", "first",
      "then", "please", "always", "now", "soon", "just", "only", "still", "all", "don't", "do", "never");
  /** Words after which a verb is the action even behind a subject ("The column should have…"). */
  private static final Set<String> AUXILIARIES = Set.of("should", "must", "can", "been", "being", "need", "needs",
      "plan", "plans", "we", "shall");
  private static final Pattern AUXILIARY_GAP = Pattern.compile("\\b(will|to|be|are|is|was|were)\\b");
  /** Things whose existence ends an item that is only a noun phrase ("Runbook for revoking tokens"). */
  private static final Set<String> ARTEFACTS = Stems.of("""
      runbook guide dashboard alert alarm test tests document documentation policy checklist faq script job
      monitor exporter hook playbook procedure""");
  private static final Pattern NUMBER = Pattern.compile(
      "\\d|\\b(one|two|three|four|five|six|seven|eight|nine|ten|twelve|fifteen|twenty|thirty|hundred|daily|"
          + "weekly|monthly|quarterly|hourly|yearly|annually)\\b", Pattern.CASE_INSENSITIVE);
  /** Names of things in code or trackers: identifiers, paths, references, CamelCase. */
  private static final Pattern NAMED_THING = Pattern.compile(
      "`|_|#\\d|://|\\b\\p{Ll}+\\p{Lu}\\w*|\\b\\p{Lu}\\p{Ll}+\\p{Lu}\\w*|(?i:\\b(why|whether|if|how many|which)\\b)");
  private static final Pattern CLAUSE_JOIN = Pattern.compile("(\\band\\b|\\bthen\\b|;|&|\\+)");

  /** What the wording says. */
  record Verdict(String action, boolean soft, boolean vague, boolean unbounded, int actions) {}

  private Wording() {}

  static Verdict judge(String title) {
    List<Word> words = Stems.words(title);
    int at = firstVerb(words);
    if (at < 0) {
      boolean artefact = !words.isEmpty() && ARTEFACTS.contains(words.get(0).stem());
      return new Verdict(null, false, !artefact, !artefact && !hasNumber(title), 0);
    }
    Word verb = words.get(at);
    boolean soft = SOFT.contains(verb.stem());
    boolean measurable = hasNumber(title) || NAMED_THING.matcher(title.substring(Math.min(title.length(),
        title.toLowerCase(java.util.Locale.ROOT).indexOf(verb.raw()) + verb.raw().length()))).find();
    boolean vague = soft && !measurable;
    boolean relative = words.stream().anyMatch(w -> RELATIVE.contains(w.stem())) && !hasNumber(title);
    boolean unbounded = vague || relative;
    return new Verdict(verb.raw(), soft, vague, unbounded, actions(words, at));
  }

  /**
   * The action: a listed verb at the start of a clause (after openers such as "we", "should",
   * adverbs) or after an auxiliary ("The column should have…", "…are being rotated"); -1 if none.
   */
  private static int firstVerb(List<Word> words) {
    boolean clauseStart = true;
    for (int i = 0; i < words.size(); i++) {
      Word w = words.get(i);
      if (w.gapBefore().contains(",") || w.gapBefore().contains(":")) {
        clauseStart = true;
      }
      boolean afterAuxiliary = i > 0 && (AUXILIARIES.contains(words.get(i - 1).raw())
          || AUXILIARY_GAP.matcher(w.gapBefore()).find());
      if (isVerb(w) && (clauseStart || afterAuxiliary)) {
        return i;
      }
      if (!OPENERS.contains(w.raw()) && !w.raw().endsWith("ly")) {
        clauseStart = false;
      }
    }
    return -1;
  }

  private static boolean isVerb(Word w) {
    return WORK.contains(w.stem()) || SOFT.contains(w.stem()) || IRREGULAR.contains(w.raw());
  }

  /** The first verb and every later one that opens a clause after "and", "then", ";" or "&". */
  private static int actions(List<Word> words, int first) {
    int count = 1;
    for (int i = first + 1; i < words.size(); i++) {
      Word w = words.get(i);
      boolean baseForm = !w.raw().endsWith("ing") && !w.raw().endsWith("s") && !w.raw().endsWith("ed");
      if (baseForm && isVerb(w) && CLAUSE_JOIN.matcher(w.gapBefore()).find()) {
        count++;
      }
    }
    return count;
  }

  private static boolean hasNumber(String text) {
    return NUMBER.matcher(text).find();
  }
}
