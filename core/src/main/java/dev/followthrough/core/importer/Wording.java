package dev.followthrough.core.importer;

import dev.followthrough.core.model.ItemStatus;
import dev.followthrough.core.model.MeasureCategory;
import dev.followthrough.core.model.MeasureKind;
import dev.followthrough.core.model.TimelineKind;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/** Guesses kinds and categories from the words people use; first matching rule wins. */
final class Wording {
  private Wording() {}

  private static final KeywordRules<TimelineKind> TIMELINE;
  private static final KeywordRules<MeasureCategory> CATEGORY;

  static {
    Map<TimelineKind, List<String>> timeline = new LinkedHashMap<>();
    timeline.put(TimelineKind.FALSE_LEAD, topLevel("false lead|misleading|red herring|suspect\\w*|assum\\w*|initially thought|mistakenly|turned out not"));
    timeline.put(TimelineKind.ESCALATION, topLevel("escalat\\w*|paged|paging|called in|brought in|engaged the|war room"));
    timeline.put(TimelineKind.RESOLUTION, topLevel("resolved|restored|recovered|back to normal|fully operational|operational again|(?<!incident )declared|incident closed|clos(?:es|ed|e|ing) (?:the|this|our) incident|incident (?:was |is )?(?:officially )?closed|(?:incident|outage) (?:ends|ended|is over|was over)|all clear|functionality is restored|verified to be functioning"));
    timeline.put(TimelineKind.MITIGATION, topLevel("mitigat\\w*|roll(?:ed)? ?back|revert\\w*|restart\\w*|hotfix|patch\\w*|fix(?:ed)?|cleared|corrected|workaround|fail(?:ed)? ?over|scaled|increase capacity|deployed"));
    timeline.put(TimelineKind.DETECTION, topLevel("detect\\w*|alert\\w*|noticed|report\\w*|monitoring|first signs|spike|page fired|notification|observed"));
    TIMELINE = new KeywordRules<>(timeline);

    Map<MeasureCategory, List<String>> category = new LinkedHashMap<>();
    category.put(MeasureCategory.TRAINING, topLevel("train\\w*|workshop|educat\\w*|onboard\\w*|drill|game ?day"));
    category.put(MeasureCategory.MONITORING, topLevel("monitor\\w*|alert\\w*|dashboard\\w*|observab\\w*|metric\\w*|logging|paging|slo"));
    category.put(MeasureCategory.TESTING, topLevel("test\\w*|staging|canary|chaos|qa|load test\\w*|simulat\\w*"));
    category.put(MeasureCategory.DOCUMENTATION, topLevel("document\\w*|runbook\\w*|playbook\\w*|wiki|guideline\\w*|procedures?"));
    category.put(MeasureCategory.CONFIGURATION, topLevel("config\\w*|setting\\w*|parameter\\w*|threshold\\w*|limit\\w*|replication|timeout\\w*|feature flag\\w*"));
    category.put(MeasureCategory.CODE, topLevel("code|logic|bug|refactor\\w*|circuit breaker\\w*|hotfix|patch\\w*|query|queries|race condition\\w*|retry|retries|implement\\w*|library"));
    category.put(MeasureCategory.PROCESS, topLevel("process\\w*|review\\w*|audit\\w*|communicat\\w*|on-?call|escalation|checklist|approval|rollout|deploy\\w*|schedule"));
    CATEGORY = new KeywordRules<>(category);
  }

  private static KeywordRule words(String alternatives) {
    return new KeywordRule(topLevel(alternatives));
  }

  /** The alternatives of "a|b(?:c|d)|e", split only outside parentheses. */
  private static List<String> topLevel(String alternatives) {
    List<String> parts = new java.util.ArrayList<>();
    int depth = 0;
    int start = 0;
    for (int i = 0; i < alternatives.length(); i++) {
      char c = alternatives.charAt(i);
      depth += c == '(' ? 1 : c == ')' ? -1 : 0;
      if (c == '|' && depth == 0) {
        parts.add(alternatives.substring(start, i));
        start = i + 1;
      }
    }
    parts.add(alternatives.substring(start));
    return parts;
  }

  private static String lower(String text) {
    return Times.scanned(text).toLowerCase(Locale.ROOT);
  }

  static TimelineKind timelineKind(String text) {
    String lower = lower(text);
    TimelineKind kind = TIMELINE.first(lower, TextWords.of(lower));
    return kind == null ? TimelineKind.OTHER : kind;
  }

  static MeasureCategory category(String text) {
    String lower = lower(text);
    MeasureCategory category = CATEGORY.first(lower, TextWords.of(lower));
    return category == null ? MeasureCategory.OTHER : category;
  }

  private static final KeywordRule CORRECTIVE =
      words("fix\\w*|hotfix|patch\\w*|revert\\w*|roll ?back|restore\\w*|correct\\w*|repair\\w*|apply|remove the|clean ?up");

  /** Fixing what broke is corrective; everything else guards the future. */
  static MeasureKind measureKind(String text) {
    return CORRECTIVE.matches(lower(text)) ? MeasureKind.CORRECTIVE : MeasureKind.PREVENTIVE;
  }

  /** An item's type (detect, mitigate, process, prevent) from its wording or its measure. */
  static String itemType(String text, MeasureCategory category) {
    MeasureCategory c = category == null ? category(text) : category;
    if (c == MeasureCategory.MONITORING) {
      return "detect";
    }
    if (c == MeasureCategory.TRAINING || c == MeasureCategory.DOCUMENTATION || c == MeasureCategory.PROCESS) {
      return "process";
    }
    if (measureKind(text) == MeasureKind.CORRECTIVE) {
      return "mitigate";
    }
    return "prevent";
  }

  static Optional<ItemStatus> status(String text) {
    String t = text == null ? "" : text.strip().toLowerCase(Locale.ROOT).replace('’', '\'');
    if (t.isEmpty()) {
      return Optional.empty();
    }
    if (Regex.matches(t, ".*\\b(won'?t (do|fix)|not planned|cancell?ed|obsolete|wontfix|dropped|rejected)\\b.*")) {
      return Optional.of(ItemStatus.WONT_DO);
    }
    if (Regex.matches(t, ".*\\b(done|complete|completed|closed|fixed|resolved|finished|shipped)\\b.*") || t.equals("x") || t.equals("✓") || t.equals("✅")) {
      return Optional.of(ItemStatus.DONE);
    }
    if (Regex.matches(t, ".*\\b(in progress|in-progress|started|doing|wip|ongoing|in review)\\b.*")) {
      return Optional.of(ItemStatus.IN_PROGRESS);
    }
    if (Regex.matches(t, ".*\\bblocked\\b.*")) {
      return Optional.of(ItemStatus.BLOCKED);
    }
    // "FAILED": the attempt did not work, so the action is still to do.
    if (Regex.matches(t, ".*\\b(open|todo|to do|not started|planned|new|pending|backlog|failed)\\b.*")) {
      return Optional.of(ItemStatus.OPEN);
    }
    return Optional.empty();
  }

  private static final Pattern PROSE =
      Pattern.compile(
          "(?i)^(by \\w+ing\\b|note\\b|overall\\b|in conclusion|"
              + "in summary|to summari[sz]e|these (measures|actions|steps|tasks|changes)|we (will|are|believe|hope|aim|take|apologi[sz]e)|"
              + "this will|our goal|moving forward|going forward|together,|thank)");

  // Legends ("✅ = done, ⏳ = in progress"), sign-offs ("Sincerely,", "The Identity Team") and morals.
  private static final Pattern ASIDE = Pattern.compile(
      "(?i)^(?:legend\\b|[^\\p{L}\\p{N}\\s]{1,3}\\s*=\\s|sincerely|regards|best regards|kind regards|cheers\\b|"
          + "moral of the story|conclusion\\b|lessons? learned\\b|(?:[-–—]\\s*)?the [\\p{L} ]{1,30} team\\.?$)");

  /** Closing or linking prose in a list section ("By implementing these measures…", "Note: …"). */
  static boolean isProse(String text) {
    return PROSE.matcher(text).find() || ASIDE.matcher(text.strip()).find();
  }

  /** Words that carry meaning, for matching tasks to measures and re-imported items to stored ones. */
  static List<String> significantWords(String text) {
    // The runs of a-z and 0-9 that a split on "[^a-z0-9]+" would give, read in one pass.
    String lower = text.toLowerCase(Locale.ROOT);
    java.util.Set<String> out = new java.util.LinkedHashSet<>();
    int i = 0;
    while (i < lower.length()) {
      int start = i;
      while (i < lower.length() && isSlugChar(lower.charAt(i))) {
        i++;
      }
      String w = lower.substring(start, i);
      if (w.length() > 2 && !STOP.contains(w)) {
        out.add(w.length() > 5 ? w.substring(0, 5) : w);
      }
      i = Math.max(i, start + 1);
    }
    return List.copyOf(out);
  }

  private static boolean isSlugChar(char c) {
    return c >= 'a' && c <= 'z' || c >= '0' && c <= '9';
  }

  private static final java.util.Set<String> STOP =
      java.util.Set.of("the", "and", "for", "with", "that", "this", "from", "into", "our", "all",
          "any", "are", "was", "were", "will", "its", "their", "them", "they", "use", "set", "new",
          "more", "such", "other", "each", "ensure", "make");
}
