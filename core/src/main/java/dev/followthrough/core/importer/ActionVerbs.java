package dev.followthrough.core.importer;

import java.util.Locale;
import java.util.Set;

/**
 * Whether a line opens with a verb of the kind tasks start with ("Replace…", "Add…"): a nested
 * line that does not ("Tokens in the CI system", "File size") names the scope of its parent.
 */
final class ActionVerbs {
  private static final Set<String> VERBS = Set.of(
      "add", "adopt", "align", "allow", "alert", "analyse", "analyze", "apply", "archive", "ask", "assess", "assign",
      "audit", "automate", "avoid", "backport", "block", "break", "build", "bump", "change", "check", "clarify",
      "clean", "communicate", "configure", "confirm", "consider", "consolidate", "contact", "continue", "create",
      "decide", "define", "delete", "deploy", "deprecate", "design", "detect", "determine", "develop", "disable",
      "discuss", "document", "drop", "enable", "encrypt", "enforce", "ensure", "establish", "evaluate", "expand",
      "explore", "expose", "extend", "find", "fix", "follow", "get", "give", "handle", "harden", "identify",
      "implement", "improve", "include", "increase", "install", "instrument", "integrate", "introduce",
      "investigate", "isolate", "keep", "limit", "look", "lower", "make", "mark", "measure", "migrate", "monitor",
      "move", "notify", "onboard", "open", "organise", "organize", "pin", "plan", "post", "prepare", "prevent",
      "prioritise", "prioritize", "promote", "provide", "publish", "purge", "put", "raise", "re-enable", "reduce",
      "refactor", "remove", "rename", "replace", "report", "require", "research", "reset", "restrict", "restore",
      "revert", "review", "revoke", "rewrite", "roll", "rotate", "run", "scale", "schedule", "separate", "set",
      "share", "ship", "simplify", "speak", "spike", "split", "standardise", "standardize", "start", "stop",
      "store", "streamline", "switch", "talk", "test", "track", "train", "trigger", "turn", "update", "upgrade",
      "use", "validate", "verify", "write", "work");
  private static final int MAX_SCOPE_WORDS = 8;

  private ActionVerbs() {}

  static boolean isVerb(String word) {
    return VERBS.contains(word);
  }

  static boolean startsWithVerb(String text) {
    String first = Regex.replaceAll(Regex.split(text.strip(), "\\s+", 2)[0], "[^\\p{L}-]", "").toLowerCase(Locale.ROOT);
    return VERBS.contains(first);
  }

  /** A short nested line without a verb of its own: part of its parent, not a step. */
  static boolean namesScope(String text) {
    String t = text.strip();
    return !t.isEmpty() && Regex.split(t, "\\s+").length <= MAX_SCOPE_WORDS && !startsWithVerb(t)
        && ".!?:".indexOf(t.charAt(t.length() - 1)) < 0;
  }
}
