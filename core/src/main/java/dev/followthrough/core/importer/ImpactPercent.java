package dev.followthrough.core.importer;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The share of users or requests an incident affected, from impact text: "approximately 25% of
 * users", "40 percent of requests failed", "Error rate: 12%". Of several percentages, the one
 * that speaks of who or what was affected wins over, say, an SLO of 99.9%.
 */
final class ImpactPercent {
  private static final Pattern PERCENT = Pattern.compile("(\\d{1,3}(?:\\.\\d+)?)\\s*(?:%|percent\\b|per cent\\b)");
  private static final Pattern AFFECTED = Pattern.compile(
      "(?i)\\b(?:users?|customers?|requests?|traffic|calls?|visitors?|queries|sessions|builds?|launches|"
          + "affected|impacted|failed|failing|errors?|unavailable|lost|dropped|of (?:all|our|the))\\b");
  private static final int CONTEXT = 40;
  /** A target, not an impact: "SLO 99.9%", "availability of 99.95%", "error budget". */
  private static final Pattern TARGET = Pattern.compile("(?i)\\b(?:slo|sla|availability|uptime|budget|target)\\b[^.;]{0,15}$");

  private ImpactPercent() {}

  static Double of(String text) {
    if (text == null) {
      return null;
    }
    String t = Times.scanned(text);
    Matcher m = PERCENT.matcher(t);
    Double first = null;
    while (m.find()) {
      double p = Double.parseDouble(m.group(1));
      if (p > 100) {
        continue;
      }
      String before = t.substring(Math.max(0, m.start() - CONTEXT), m.start());
      String after = t.substring(m.end(), Math.min(t.length(), m.end() + CONTEXT));
      if (TARGET.matcher(before).find()) {
        continue;
      }
      if (AFFECTED.matcher(Regex.split(after, "[,;.]", 2)[0]).find() || AFFECTED.matcher(before).find()) {
        return p;
      }
      first = first == null ? p : first;
    }
    return first;
  }
}
