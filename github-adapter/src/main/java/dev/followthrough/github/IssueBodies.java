package dev.followthrough.github;

import dev.followthrough.core.tracker.TicketDraft;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Issue bodies in Markdown: the item's description, a link back to the postmortem, and the hidden
 * marker {@code <!-- followthrough:KEY -->} that identifies the issue even when labels are lost.
 */
final class IssueBodies {
  /** GitHub refuses longer bodies with 422. */
  static final int MAX_BODY = 65_536;
  private static final Pattern MARKER = Pattern.compile("<!-- followthrough:(ft-[^\\s>]+) -->");
  private static final String LINK_PREFIX = "\n\n[Postmortem](";

  private IssueBodies() {}

  static String body(TicketDraft d) {
    String marker = "\n\n<!-- followthrough:" + d.idempotencyKey() + " -->";
    String link = d.sourceUrl() != null && (d.sourceUrl().startsWith("https://") || d.sourceUrl().startsWith("http://"))
        ? LINK_PREFIX + d.sourceUrl() + ")" : "";
    String text = d.description() == null ? "" : d.description();
    int room = MAX_BODY - marker.length() - link.length();
    if (text.length() > room) {
      text = text.substring(0, Math.max(0, room - 1)) + "…";
    }
    return text + link + marker;
  }

  static String key(String body) {
    if (body == null) {
      return null;
    }
    Matcher m = MARKER.matcher(body);
    return m.find() ? m.group(1) : null;
  }

  /** The description part of a body this adapter wrote, for comparison with the store. */
  static String description(String body) {
    if (body == null) {
      return null;
    }
    String text = MARKER.matcher(body).replaceAll("").stripTrailing();
    int link = text.lastIndexOf(LINK_PREFIX);
    if (link >= 0 && text.endsWith(")")) {
      text = text.substring(0, link);
    }
    text = text.strip();
    return text.isEmpty() ? null : text;
  }
}
