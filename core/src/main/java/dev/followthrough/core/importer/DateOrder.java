package dev.followthrough.core.importer;

import java.util.function.Supplier;

/**
 * Whether a document writes numeric dates day first ("29-09-2021", "03-10-2021") or month first
 * ("07-27-2023"), decided once per document: a date whose first part is over 12 can only be day
 * first, one whose second part is over 12 only month first, and the document's other dates ("03-10-2021")
 * follow the same order. Without such evidence, or with both, month first as before.
 */
final class DateOrder {
  private static final ThreadLocal<Boolean> DAY_FIRST = ThreadLocal.withInitial(() -> Boolean.FALSE);

  private DateOrder() {}

  static boolean dayFirst() {
    return DAY_FIRST.get();
  }

  /** Runs {@code read} with the order that {@code document} shows. */
  static <T> T during(String document, Supplier<T> read) {
    Boolean before = DAY_FIRST.get();
    DAY_FIRST.set(isDayFirst(document));
    try {
      return read.get();
    } finally {
      DAY_FIRST.set(before);
    }
  }

  /** Read by a plain loop: most documents have no numeric date with dashes or slashes, and stop early. */
  static boolean isDayFirst(CharSequence text) {
    boolean dayFirst = false;
    int n = text.length();
    for (int i = 1; i + 6 < n; i++) {
      char sep = text.charAt(i);
      if (sep != '-' && sep != '/') {
        continue;
      }
      int firstStart = i;
      while (firstStart > 0 && i - firstStart < 3 && Character.isDigit(text.charAt(firstStart - 1))) {
        firstStart--;
      }
      int firstLength = i - firstStart;
      if (firstLength < 1 || firstLength > 2 || firstStart > 0 && isPart(text.charAt(firstStart - 1))) {
        continue;
      }
      int secondEnd = i + 1;
      while (secondEnd < n && secondEnd - i <= 3 && Character.isDigit(text.charAt(secondEnd))) {
        secondEnd++;
      }
      int secondLength = secondEnd - i - 1;
      if (secondLength < 1 || secondLength > 2 || secondEnd >= n || text.charAt(secondEnd) != sep
          || !fourDigits(text, secondEnd + 1)) {
        continue;
      }
      int first = Integer.parseInt(text.subSequence(firstStart, i).toString());
      int second = Integer.parseInt(text.subSequence(i + 1, secondEnd).toString());
      if (second > 12 && first <= 12) {
        return false;
      }
      dayFirst |= first > 12 && second <= 12;
    }
    return dayFirst;
  }

  private static boolean isPart(char c) {
    return Character.isDigit(c) || c == '-' || c == '/' || c == '.';
  }

  private static boolean fourDigits(CharSequence text, int from) {
    if (from + 4 > text.length()) {
      return false;
    }
    for (int i = from; i < from + 4; i++) {
      if (!Character.isDigit(text.charAt(i))) {
        return false;
      }
    }
    return from + 4 == text.length() || !Character.isDigit(text.charAt(from + 4));
  }
}
