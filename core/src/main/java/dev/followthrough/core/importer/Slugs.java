package dev.followthrough.core.importer;

import java.text.Normalizer;
import java.util.Locale;

/** Turns titles into the stable, readable ids used for postmortems and action items. */
final class Slugs {
  private static final java.util.regex.Pattern MARKS = java.util.regex.Pattern.compile("\\p{M}");

  private Slugs() {}

  static String of(String text, int maxLength) {
    // Plain ASCII has no accents to take off, so it skips the normalizer.
    String ascii = isAscii(text) ? text : MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFD)).replaceAll("");
    String slug = dashed(ascii.toLowerCase(Locale.ROOT));
    if (slug.length() > maxLength) {
      int cut = slug.lastIndexOf('-', maxLength);
      slug = slug.substring(0, cut > maxLength / 2 ? cut : maxLength);
    }
    int end = slug.length();
    while (end > 0 && slug.charAt(end - 1) == '-') {
      end--;
    }
    return slug.substring(0, end);
  }

  /** Each run of characters other than a-z and 0-9 as one dash, none at either end. */
  private static String dashed(String lower) {
    StringBuilder out = new StringBuilder(lower.length());
    boolean gap = false;
    for (int i = 0; i < lower.length(); i++) {
      char c = lower.charAt(i);
      if (c >= 'a' && c <= 'z' || c >= '0' && c <= '9') {
        if (gap && out.length() > 0) {
          out.append('-');
        }
        gap = false;
        out.append(c);
      } else {
        gap = true;
      }
    }
    return out.toString();
  }

  private static boolean isAscii(String text) {
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) >= 128) {
        return false;
      }
    }
    return true;
  }
}
