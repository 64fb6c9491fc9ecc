package dev.followthrough.core.importer;

/**
 * Character checks that let {@link Leading} skip an expression that cannot match: most timeline
 * lines go on with plain words after their time, and making a matcher costs about as much as
 * running it.
 */
final class LeadingScan {
  private static final String[] MONTH_OR_DAY = {
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    "mon", "tue", "wed", "thu", "fri", "sat", "sun"};
  private static final String MONTH_OR_DAY_FIRSTS = "jfmasondtw";
  private static final String[] ZONE_WORDS = {"pacific", "mountain", "central", "eastern"};

  private LeadingScan() {}

  /** The blanks of a regular expression's {@code \s}. */
  static boolean isBlank(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
  }

  static int skipSpaces(String s, int pos) {
    int i = pos;
    while (i < s.length() && s.charAt(i) == ' ') {
      i++;
    }
    return i;
  }

  /** Whether a month name ("Oct") or weekday ("Sat") may start at {@code pos}: all begin with these three letters. */
  static boolean startsMonthOrDay(String s, int pos) {
    // An ASCII character matches only its own two cases; others (the long s "ſ") may match more.
    if (pos < s.length() && s.charAt(pos) < 128 && MONTH_OR_DAY_FIRSTS.indexOf(Character.toLowerCase(s.charAt(pos))) < 0) {
      return false;
    }
    for (String w : MONTH_OR_DAY) {
      if (s.regionMatches(true, pos, w, 0, 3)) {
        return true;
      }
    }
    return false;
  }

  /** Whether "Oct 30" or "03-26 " may start at {@code pos}. */
  static boolean mayStartMonthDay(String s, int pos) {
    if (startsMonthOrDay(s, pos)) {
      return true;
    }
    int i = pos;
    while (i < s.length() && i < pos + 2 && Character.isDigit(s.charAt(i))) {
      i++;
    }
    return i > pos && i < s.length() && (s.charAt(i) == '-' || s.charAt(i) == '/');
  }

  /**
   * Whether a zone may follow at {@code pos} (after spaces): "(UTC)", "UTC+2", "PST", "Pacific
   * Time". A word of five or more letters is none: the short-word branch of
   * {@link Zones#AFTER_TIME} would take its first five letters, and no zone has five.
   */
  static boolean mayBeZone(String s, int pos) {
    int i = skipSpaces(s, pos);
    if (i < s.length() && s.charAt(i) == '(') {
      return true;
    }
    int end = i;
    while (end < s.length() && isAsciiLetter(s.charAt(end))) {
      end++;
    }
    if (end - i < 5) {
      return true;
    }
    for (String w : ZONE_WORDS) {
      if (end - i == w.length() && s.regionMatches(true, i, w, 0, w.length())) {
        return true;
      }
    }
    return false;
  }

  /** Where the text goes on after the marks and punctuation that end a leading time (" - ", "]: ", "** "). */
  static int separatorEnd(String s, int pos) {
    int i = pos;
    while (i < s.length() && (isBlank(s.charAt(i)) || "])*_`".indexOf(s.charAt(i)) >= 0)) {
      i++;
    }
    while (i < s.length() && ":-–—|,.".indexOf(s.charAt(i)) >= 0) {
      i++;
    }
    while (i < s.length() && isBlank(s.charAt(i))) {
      i++;
    }
    int marks = i;
    while (marks < s.length() && "*_`".indexOf(s.charAt(marks)) >= 0) {
      marks++;
    }
    if (marks > i) {
      i = marks;
      while (i < s.length() && isBlank(s.charAt(i))) {
        i++;
      }
    }
    return i;
  }

  private static boolean isAsciiLetter(char c) {
    return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
  }
}
