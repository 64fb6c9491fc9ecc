package dev.followthrough.core.importer;

import dev.followthrough.core.model.Diagnostic;
import dev.followthrough.core.model.IncidentSummary;
import dev.followthrough.core.model.TimelineEntry;
import dev.followthrough.core.model.TimelineKind;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Start and end from the timeline, for documents whose summary states neither: an entry marked
 * {@code OUTAGE BEGINS} / {@code OUTAGE ENDS} (or "start of incident", "service resumes"), else
 * the first timed entry and the first resolution after it. Each guess is a diagnostic.
 */
final class IncidentTimes {
  private static final Pattern BEGINS = Pattern.compile(
      "\\b(?:(?:outage|incident|impact|downtime|disruption)\\s+(?:begins|began|starts|started|start(?=[\\s:.,]*$))|start of (?:the )?(?:incident|outage|impact)"
          + "|(?:is|was|went|goes) (?:hard |completely |fully )?down)\\b");
  private static final Pattern ENDS = Pattern.compile(
      "\\b(?:(?:outage|incident|impact|downtime|disruption)\\s+(?:ends|ended|is over|over|resolved|closed)|"
          + "end of (?:the )?(?:incident|outage|impact)|outage to an end|service (?:resumes|resumed|restored|recovered)|"
          + "return(?:s|ed)? to normal|back to normal|fully (?:recovered|restored|operational)|self-heals?|back online|"
          + "(?:systems?|services?) (?:are |is )?(?:verified |fully )?operational|"
          + "(?:working|running|available|flowing|processing|succeeding|being created|up) again|"
          // "trees re-opened", "OUTAGE MITIGATED", "Natural Resolution", "the hub comes up", "brought online",
          // "reported that the error was fixed": ends as release engineering, status pages and teams word them.
          + "(?:trees?|repos?|repositories) (?:are |were |is |was )?re-?opened|"
          + "(?:outage|incident|impact|issue|problem|disruption) (?:is |was |has been )?mitigated|natural resolution|"
          + "(?:hub|site|service|cluster|api|server|app|application)s? (?:comes|came|is|was|are|were) (?:back )?(?:up|online)|"
          + "brought (?:back )?online|(?:error|issue|problem|outage) (?:is |was |has been )?fixed|"
          // "announces resolution is confirmed complete", "the chain resumes": ends as on-call chats and chains word them.
          + "resolution (?:is |was |has been )?(?:confirmed|complete)|confirm(?:s|ed) (?:the )?resolution|"
          + "(?:chain|network|block production|blocks|consensus) (?:resumes|resumed|restarts|restarted))\\b");

  /** Summaries and resolutions are read this far for a told end. */
  private static final int MAX_PROSE = 20_000;

  /** In a sentence that tells the end: a marker, or a verb of ending that a time follows or precedes. */
  private static final Pattern TOLD_END = Pattern.compile("(?i)" + ENDS.pattern() + "|\\b(?:resolved|recovered|ceased|closed)\\b");

  /** Every marker holds one of these stems; most entries hold none, and skip the markers. */
  private static final Pattern MARKER_WORDS = Pattern.compile("begin|began|start|end|over|resolv|clos|resum|restor|recover|normal|heal|operational|online|down|again"
      + "|open|mitigat|natural| up|fixed|resolution");

  private IncidentTimes() {}

  /** The incident with start and end taken from the timeline where the document did not state them. */
  /**
   * @param told how long the document says the incident lasted in a sentence ("for about
   *     1h50m"), or null: it places a start or end the timeline does not mark
   */
  static IncidentSummary fill(IncidentSummary incident, List<TimelineEntry> timeline, List<Integer> lines,
      List<String> details, List<Diagnostic> diagnostics, Long told) {
    boolean startStated = incident.start() != null;
    if (startStated && incident.end() != null) {
      return incident;
    }
    int begin = startStated ? -1 : marked(timeline, List.of(), BEGINS, 0);
    int end = -1;
    var start = incident.start();
    if (!startStated) {
      int from = begin >= 0 ? begin : firstTimed(timeline);
      if (from < 0) {
        return incident;
      }
      start = timeline.get(from).at();
      diagnostics.add(Diagnostic.info(lines.get(from), "incident start taken from this timeline entry"));
      begin = from;
    }
    var stop = incident.end();
    if (stop == null && incident.durationMinutes() != null) {
      stop = start.plus(java.time.Duration.ofMinutes(incident.durationMinutes()));
    }
    boolean guessedStart = !startStated && marked(timeline, List.of(), BEGINS, 0) < 0;
    if (stop == null) {
      // An end may be told below an entry's text: "After a restart, launches are back to normal."
      end = marked(timeline, details, ENDS, Math.max(begin, 0));
      if (end < 0 && told != null) {
        stop = start.plus(java.time.Duration.ofMinutes(told));
        diagnostics.add(Diagnostic.info(lines.get(begin), "incident end computed from its start and the duration the text tells"));
      } else if (end < 0) {
        end = firstOfKind(timeline, TimelineKind.RESOLUTION, Math.max(begin, 0));
      }
      if (end >= 0 && !timeline.get(end).at().isBefore(start)) {
        stop = timeline.get(end).at();
        diagnostics.add(Diagnostic.info(lines.get(end), "incident end taken from this timeline entry"));
        // A marked end and a told duration place the start better than the first entry does.
        int from = guessedStart && told != null ? at(timeline, stop.minus(java.time.Duration.ofMinutes(told))) : -1;
        if (from >= 0) {
          start = timeline.get(from).at();
          diagnostics.add(Diagnostic.info(lines.get(from), "incident start is the stated duration before its end"));
        }
      }
    }
    return new IncidentSummary(incident.date(), start, stop,
        start != null && stop != null ? null : incident.durationMinutes(), incident.summary(), incident.impact(),
        incident.impactPercent(), incident.rootCause(), incident.resolution());
  }

  /**
   * The end a text tells in a sentence ("…and resolved at 23:01 GMT", "by 9:40 UTC traffic had
   * returned to normal"): the time right after the marker, else the last before it.
   */
  static java.time.Instant toldEnd(String text, java.time.LocalDate day, java.time.ZoneId zone) {
    if (text == null) {
      return null;
    }
    String prose = text.length() > MAX_PROSE ? text.substring(0, MAX_PROSE) : text;
    for (String sentence : Regex.split(prose, "\n|(?<=[.!?])\\s+(?=[A-Z])")) {
      var marker = TOLD_END.matcher(sentence);
      List<Times.TimeMention> times = marker.find() ? Times.times(sentence) : List.of();
      if (times.isEmpty()) {
        continue;
      }
      Times.TimeMention pick = times.get(times.size() - 1);
      for (Times.TimeMention t : times) {
        if (t.start() >= marker.start()) {
          pick = t;
          break;
        }
      }
      java.time.LocalDate date = day;
      for (Dates.DateMention d : Dates.dates(sentence)) {
        date = d.end() <= pick.start() ? d.date() : date;
      }
      if (date != null) {
        return date.atTime(pick.time()).atZone(Times.zone(sentence).orElse(zone)).toInstant();
      }
    }
    return null;
  }

  private static int marked(List<TimelineEntry> timeline, List<String> details, Pattern marker, int from) {
    for (int i = from; i < timeline.size(); i++) {
      if (timeline.get(i).at() == null) {
        continue;
      }
      String text = i < details.size() ? timeline.get(i).text() + " " + details.get(i) : timeline.get(i).text();
      String lower = text.toLowerCase(java.util.Locale.ROOT);
      if (MARKER_WORDS.matcher(lower).find() && marker.matcher(lower).find()) {
        return i;
      }
    }
    return -1;
  }

  /** The entry within a few minutes of an instant: a duration told as "about 1h50m" is rounded. */
  private static int at(List<TimelineEntry> timeline, java.time.Instant instant) {
    for (int i = 0; i < timeline.size(); i++) {
      var t = timeline.get(i).at();
      if (t != null && Math.abs(java.time.Duration.between(t, instant).toMinutes()) <= 5) {
        return i;
      }
    }
    return -1;
  }

  private static int firstTimed(List<TimelineEntry> timeline) {
    for (int i = 0; i < timeline.size(); i++) {
      if (timeline.get(i).at() != null) {
        return i;
      }
    }
    return -1;
  }

  private static int firstOfKind(List<TimelineEntry> timeline, TimelineKind kind, int from) {
    for (int i = from; i < timeline.size(); i++) {
      if (timeline.get(i).at() != null && timeline.get(i).kind() == kind) {
        return i;
      }
    }
    return -1;
  }
}
