package dev.followthrough.gitlab;

import dev.followthrough.core.tracker.TicketDraft;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Issue descriptions in GitLab Flavored Markdown: the item's description, a link back to the
 * postmortem, and the hidden marker {@code <!-- followthrough:KEY -->}, which stays with the issue
 * when it is moved to a project that lacks the key's label.
 */
final class IssueDescriptions {
  /** GitLab refuses longer descriptions (Issues API docs: "Limited to 1,048,576 characters"). */
  static final int MAX_DESCRIPTION = 1_048_576;
  private static final Pattern MARKER = Pattern.compile("<!-- followthrough:(ft-[a-z0-9-]+) -->");
  private static final String LINK_PREFIX = "\n\n[Postmortem](";

  private IssueDescriptions() {}

  static String marker(String key) {
    return "<!-- followthrough:" + key + " -->";
  }

  static String description(TicketDraft d) {
    String marker = "\n\n" + marker(d.idempotencyKey());
    String link = d.sourceUrl() != null && (d.sourceUrl().startsWith("https://") || d.sourceUrl().startsWith("http://"))
        ? LINK_PREFIX + d.sourceUrl() + ")" : "";
    String text = d.description() == null ? "" : d.description();
    int room = MAX_DESCRIPTION - marker.length() - link.length();
    if (text.length() > room) {
      text = text.substring(0, Math.max(0, room - 1)) + "…";
    }
    return text + link + marker;
  }

  /** The key in a description's marker, or {@code null}. */
  static String key(String description) {
    if (description == null) {
      return null;
    }
    Matcher m = MARKER.matcher(description);
    return m.find() ? m.group(1) : null;
  }

  /** The item's part of a description this adapter wrote, for comparison with the store. */
  static String text(String description) {
    if (description == null) {
      return null;
    }
    String text = MARKER.matcher(description).replaceAll("").stripTrailing();
    int link = text.lastIndexOf(LINK_PREFIX);
    if (link >= 0 && text.endsWith(")")) {
      text = text.substring(0, link);
    }
    text = text.strip();
    return text.isEmpty() ? null : text;
  }
}
