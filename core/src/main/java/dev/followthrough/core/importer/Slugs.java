package dev.followthrough.core.importer;

import java.text.Normalizer;
import java.util.Locale;

/** Turns titles into the stable, readable ids used for postmortems and action items. */
final class Slugs {
  private Slugs() {}

  static String of(String text, int maxLength) {
    String ascii = Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
    String slug = ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
    if (slug.length() > maxLength) {
      int cut = slug.lastIndexOf('-', maxLength);
      slug = slug.substring(0, cut > maxLength / 2 ? cut : maxLength);
    }
    return slug.replaceAll("-+$", "");
  }
}
