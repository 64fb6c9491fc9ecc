package dev.followthrough.core.importer;

import dev.followthrough.core.model.ItemStatus;
import dev.followthrough.core.model.Priority;
import dev.followthrough.core.model.TicketLink;
import java.time.LocalDate;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Owner, due date, priority, type and status written inside an item's text ({@code owner: @erin
 * due: 2025-06-01 P1}), and the text without them.
 */
record InlineMetadata(
    String text, String owner, LocalDate due, String dueText, Priority priority, String type, ItemStatus status,
    List<TicketLink> tickets) {

  private static final String PERSON = "(@?[\\w.+-]+@[\\w-]+(?:\\.[\\w-]+)+|@?[A-Za-z][\\w.-]*)";
  // "owner: erin", "(owner erin)", "assigned to erin"; never the "Owner" inside "Product Owners about".
  private static final Pattern OWNER =
      Pattern.compile("(?i)[(\\[,;]?\\s*\\b(?:(?:owners?|assignee|who)\\s*[:=]|(?<=[(\\[])\\s*owner\\s|assigned to\\b|owned by\\b)\\s*"
          + PERSON + "\\s*[)\\],;]?");
  // A link the outline kept as "<url>", with a link text such as "Issue", "Tracker Issue" or "#2227".
  private static final Pattern TICKET = Pattern.compile(
      "(?i)[(\\[]?\\s*(?:(?:\\w+\\s+)?(?:issue|ticket|pr|pull request|bug|link)\\s*)?(?:#\\d+\\s*)?<(https?://[^>\\s]+)>\\s*[)\\]]?\\s*:?");
  private static final Pattern EMPTY_BRACKETS = Pattern.compile("\\(\\s*\\)|\\[\\s*]");
  private static final Pattern TRAILING_STOPS = Pattern.compile("[.,;:]+$");
  private static final Pattern SPACES = Pattern.compile("\\s{2,}");
  private static final Pattern TRAILING_PUNCTUATION = Pattern.compile("\\s*[,;—–-]+\\s*$");
  private static final Pattern PRIORITY_WORD = Pattern.compile("^(CRITICAL|URGENT|HIGH|MEDIUM|LOW)\\b\\s*[:\\-–—]?\\s*");
  private static final Pattern MENTION = Pattern.compile("(?<![\\w@])@([A-Za-z0-9][\\w-]{0,38})(?![\\w@.])");
  private static final Pattern DUE =
      Pattern.compile("(?i)[(\\[,;]?\\s*\\b(?:due(?:\\s+date)?|deadline|target date|eta)\\s*[:=]?\\s*(\\d{4}-\\d{1,2}-\\d{1,2}|[A-Za-z]{3,9}\\.? \\d{1,2},? \\d{4}|\\d{1,2} [A-Za-z]{3,9} \\d{4})\\s*[)\\],;]?");
  private static final Pattern PRIORITY =
      Pattern.compile("(?i)[(\\[]?\\s*(?:\\bpriority\\s*[:=]?\\s*(p[0-4]|[1-4]|critical|high|medium|low)\\b|(?<![\\w-])(P[0-4])(?![\\w-]))\\s*[)\\]]?");
  private static final Pattern TYPE =
      Pattern.compile("(?i)[(\\[,;]?\\s*\\btype\\s*[:=]\\s*([a-z-]+)\\s*[)\\],;]?");
  private static final Pattern STATUS =
      Pattern.compile("(?i)[(\\[,;]?\\s*\\bstatus\\s*[:=]\\s*([a-z' -]+?)\\s*(?:[)\\],;]|$)");

  static InlineMetadata of(String original) {
    String text = Times.scanned(original);
    // Each key word is looked for before its expression runs: most item texts have none of them.
    String lower = text.toLowerCase(java.util.Locale.ROOT);
    List<TicketLink> tickets = List.of();
    // Matchers are made only past each check: making one costs about as much as a short search.
    Matcher t = lower.contains("<http") ? TICKET.matcher(text) : null;
    if (t != null && t.find()) {
      tickets = TableReader.ticketOf(t.group(1));
      text = cut(text, t);
    }
    ItemStatus done = null;
    var undone = DoneMarker.strip(text);
    if (undone.isPresent()) {
      done = ItemStatus.DONE;
      text = undone.get();
    }
    String owner = null;
    Matcher m = containsAny(lower, "owner", "assign", "who") ? OWNER.matcher(text) : null;
    if (m != null && m.find()) {
      owner = person(m.group(1));
      text = cut(text, m);
    }
    m = containsAny(lower, "due", "deadline", "target", "eta") ? DUE.matcher(text) : null;
    LocalDate due = null;
    String dueText = null;
    if (m != null && m.find()) {
      dueText = m.group(1);
      due = Dates.parseDate(dueText).orElse(null);
      text = cut(text, m);
    }
    Priority priority = null;
    m = !text.isEmpty() && "CUHML".indexOf(text.charAt(0)) >= 0 ? PRIORITY_WORD.matcher(text) : null;
    if (m != null && m.find()) {
      priority = Priority.parse(m.group(1)).orElse(null);
      text = text.substring(m.end());
    }
    m = priority == null && mayHavePriority(text) ? PRIORITY.matcher(text) : null;
    if (m != null && m.find()) {
      String p = m.group(1) != null ? m.group(1) : m.group(2);
      priority = Priority.parse(p).orElse(null);
      text = cut(text, m);
    }
    String type = null;
    m = lower.contains("type") ? TYPE.matcher(text) : null;
    if (m != null && m.find()) {
      type = m.group(1).toLowerCase(java.util.Locale.ROOT);
      text = cut(text, m);
    }
    ItemStatus status = null;
    m = lower.contains("status") ? STATUS.matcher(text) : null;
    if (m != null && m.find()) {
      status = Wording.status(m.group(1)).orElse(null);
      text = cut(text, m);
    }
    if (owner == null && text.indexOf('@') >= 0) {
      m = MENTION.matcher(text);
      if (m.find()) {
        owner = m.group(1);
        text = cut(text, m);
      }
    }
    if (original.length() > text.length() && original.length() > Times.SCAN_LIMIT) {
      text = text + original.substring(Times.SCAN_LIMIT);
    }
    text = tidy(text);
    return new InlineMetadata(text, owner, due, dueText, priority, type, status == null ? done : status, tickets);
  }

  /** Empty brackets and runs of blanks closed up, trailing commas and dashes dropped; each only where present. */
  private static String tidy(String text) {
    if (text.indexOf('(') >= 0 || text.indexOf('[') >= 0) {
      text = EMPTY_BRACKETS.matcher(text).replaceAll(" ");
    }
    if (hasBlankRun(text)) {
      text = SPACES.matcher(text).replaceAll(" ");
    }
    int last = text.length() - 1;
    // "$" may also stand before a closing line break, so those are skipped too.
    while (last >= 0 && (isBlank(text.charAt(last)) || "\u0085\u2028\u2029".indexOf(text.charAt(last)) >= 0)) {
      last--;
    }
    if (last >= 0 && ",;—–-".indexOf(text.charAt(last)) >= 0) {
      text = TRAILING_PUNCTUATION.matcher(text).replaceAll("");
    }
    return text.strip();
  }

  // The blanks of a regular expression's \s.
  private static boolean isBlank(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
  }

  private static boolean hasBlankRun(String text) {
    for (int i = 1; i < text.length(); i++) {
      if (isBlank(text.charAt(i)) && isBlank(text.charAt(i - 1))) {
        return true;
      }
    }
    return false;
  }

  /** "priority" or a "P0" to "P4" somewhere in the text: what {@link #PRIORITY} needs. */
  private static boolean mayHavePriority(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if ((c == 'p' || c == 'P') && (i + 1 < text.length() && text.charAt(i + 1) >= '0' && text.charAt(i + 1) <= '4'
          || text.regionMatches(true, i, "priority", 0, 8))) {
        return true;
      }
    }
    return false;
  }

  private static boolean containsAny(String lower, String... words) {
    for (String w : words) {
      if (lower.contains(w)) {
        return true;
      }
    }
    return false;
  }

  boolean hasAny() {
    return owner != null || dueText != null || priority != null || type != null || status != null || !tickets.isEmpty();
  }

  private static String cut(String text, Matcher m) {
    return (text.substring(0, m.start()) + " " + text.substring(m.end())).strip();
  }

  /** Handles lose their {@code @}; e-mail addresses stay whole. */
  static String person(String raw) {
    String p = raw.strip();
    if (p.startsWith("@")) {
      p = p.substring(1);
    }
    return TRAILING_STOPS.matcher(p).replaceAll("");
  }
}
