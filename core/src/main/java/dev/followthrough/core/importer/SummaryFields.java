package dev.followthrough.core.importer;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@code Key: value} lines that describe the incident: duration, impact, root cause… */
final class SummaryFields {
  /** AUTHORS stands for metadata lines that are recognised so they stay out of the summary text. */
  enum Field { DURATION, START, END, DATE, IMPACT, ROOT_CAUSE, RESOLUTION, SEVERITY, STATUS, TITLE, SUMMARY, AUTHORS }

  private static final Map<String, Field> KEYS = Map.ofEntries(
      Map.entry("duration", Field.DURATION),
      Map.entry("incident duration", Field.DURATION),
      Map.entry("outage duration", Field.DURATION),
      Map.entry("incident window", Field.DURATION),
      Map.entry("time window", Field.DURATION),
      Map.entry("start", Field.START),
      Map.entry("start time", Field.START),
      Map.entry("time", Field.START),
      Map.entry("incident time", Field.START),
      Map.entry("started", Field.START),
      Map.entry("began", Field.START),
      Map.entry("end", Field.END),
      Map.entry("end time", Field.END),
      Map.entry("ended", Field.END),
      Map.entry("resolved at", Field.END),
      Map.entry("resolved", Field.END),
      Map.entry("incident end", Field.END),
      Map.entry("outage end", Field.END),
      Map.entry("first detected", Field.START),
      Map.entry("incident start", Field.START),
      Map.entry("outage start", Field.START),
      Map.entry("date", Field.DATE),
      Map.entry("incident date", Field.DATE),
      Map.entry("date of incident", Field.DATE),
      Map.entry("impact", Field.IMPACT),
      Map.entry("customer impact", Field.IMPACT),
      Map.entry("user impact", Field.IMPACT),
      Map.entry("root cause", Field.ROOT_CAUSE),
      Map.entry("root causes", Field.ROOT_CAUSE),
      Map.entry("cause", Field.ROOT_CAUSE),
      Map.entry("resolution", Field.RESOLUTION),
      Map.entry("mitigation", Field.RESOLUTION),
      Map.entry("fix", Field.RESOLUTION),
      Map.entry("severity", Field.SEVERITY),
      Map.entry("sev", Field.SEVERITY),
      Map.entry("incident severity", Field.SEVERITY),
      Map.entry("status", Field.STATUS),
      Map.entry("document status", Field.STATUS),
      Map.entry("title", Field.TITLE),
      Map.entry("author", Field.AUTHORS),
      Map.entry("authors", Field.AUTHORS),
      Map.entry("reviewers", Field.AUTHORS),
      Map.entry("participants", Field.AUTHORS),
      Map.entry("summary", Field.SUMMARY));

  private static final Pattern LINE = Pattern.compile("^\\s*(?:[-*•]\\s+)?([A-Za-z][A-Za-z ]{1,30}?)\\s*[:：]\\s*(\\S.*)$");

  private static final Pattern DATED =
      Pattern.compile("(?i)^\\s*(?:[-*•]\\s+)?(first detected|resolved|incident start|incident end|outage start|outage end)\\s+(\\d{4}-\\d.*)$");

  private SummaryFields() {}

  record Value(Field field, String text) {}

  static Optional<Value> parse(String line) {
    String text = PlainTextOutlineReader.unemphasize(Times.scanned(line));
    Matcher m = LINE.matcher(text);
    if (!m.matches()) {
      // "Resolved 2020-08-14 11:38": a time key may go without its colon when a date follows.
      m = DATED.matcher(text);
      if (!m.matches()) {
        return Optional.empty();
      }
    }
    Field field = KEYS.get(m.group(1).strip().toLowerCase(Locale.ROOT));
    return field == null ? Optional.empty() : Optional.of(new Value(field, m.group(2).strip()));
  }

  static boolean isField(String line) {
    return parse(line).isPresent();
  }
}
