package dev.followthrough.core.importer;

import java.text.Normalizer;
import java.util.Locale;

/** Turns titles into the stable, readable ids used for postmortems and action items. */
final class Slugs {
  private static final java.util.regex.Pattern MARKS = java.util.regex.Pattern.compile("\\p{M}");
  private static final java.util.regex.Pattern NOT_SLUG = java.util.regex.Pattern.compile("[^a-z0-9]+");
  private static final java.util.regex.Pattern EDGES = java.util.regex.Pattern.compile("^-+|-+$");

  private Slugs() {}

  static String of(String text, int maxLength) {
    String ascii = MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFD)).replaceAll("");
    String slug = EDGES.matcher(NOT_SLUG.matcher(ascii.toLowerCase(Locale.ROOT)).replaceAll("-")).replaceAll("");
    if (slug.length() > maxLength) {
      int cut = slug.lastIndexOf('-', maxLength);
      slug = slug.substring(0, cut > maxLength / 2 ? cut : maxLength);
    }
    return slug.replaceAll("-+$", "");
  }
}
