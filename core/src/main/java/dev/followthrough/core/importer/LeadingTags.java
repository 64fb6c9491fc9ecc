package dev.followthrough.core.importer;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What an item's text may open with before its title: an owner in brackets ({@code [jhford] Try
 * …}, {@code (tc team) add …}, {@code [garndt?] …}, the "?" marking an owner not yet sure), a
 * tag such as {@code [Proposal]}, or the issue it was filed as ({@code Bug 1587511 - worker-manager:
 * hard kill …}, whose title is all after the dash, colon included).
 */
record LeadingTags(String text, String owner, String reference) {
  // One word (a name or handle), or up to three ending in "team"; "?" when the owner is a guess.
  private static final Pattern OWNER = Pattern.compile(
      "^[\\[(]\\s*((?:[A-Za-z][\\w.-]{0,30}\\s+){0,2}team|@?[A-Za-z][\\w.-]{1,30})\\s*\\??\\s*[\\])]\\s+(?=\\S)");
  private static final Pattern ISSUE = Pattern.compile(
      "(?i)^((?:bug|issue|ticket|pr)\\s+#?\\d+)\\s*[-–—:]\\s+(?=\\S)");
  // Bracketed words that tag an item rather than name who owns it.
  private static final Set<String> TAGS = Set.of("proposal", "rfc", "bug", "issue", "pr", "wip", "draft", "done",
      "todo", "doing", "fixed", "optional", "stretch", "meta", "tracking", "epic", "ongoing", "blocked", "new",
      "critical", "urgent", "high", "medium", "low", "followup", "follow-up", "idea", "question", "maybe", "later",
      "future", "design", "doc", "docs", "discussion", "closed", "open", "resolved", "wontfix", "x");

  static LeadingTags of(String text) {
    if (text.isEmpty()) {
      return new LeadingTags(text, null, null);
    }
    char first = text.charAt(0);
    if (first == '[' || first == '(') {
      Matcher m = OWNER.matcher(text);
      if (m.find()) {
        String word = m.group(1).strip();
        String lower = word.toLowerCase(Locale.ROOT);
        if (TAGS.contains(lower) || lower.matches("p[0-4]")) {
          return first == '[' ? new LeadingTags(text.substring(m.end()), null, null) : new LeadingTags(text, null, null);
        }
        return new LeadingTags(text.substring(m.end()), InlineMetadata.person(word), null);
      }
      return new LeadingTags(text, null, null);
    }
    if ("BbIiTtPp".indexOf(first) >= 0) {
      Matcher m = ISSUE.matcher(text);
      if (m.find()) {
        return new LeadingTags(text.substring(m.end()), null, m.group(1));
      }
    }
    return new LeadingTags(text, null, null);
  }
}
