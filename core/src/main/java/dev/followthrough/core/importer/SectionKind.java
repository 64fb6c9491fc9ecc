package dev.followthrough.core.importer;

import java.util.List;
import java.util.Locale;

/** What a section of a postmortem holds, recognised from the many ways people title it. */
enum SectionKind {
  MISLEADING("misleading", "false lead", "red herring", "dead end"),
  LESSONS("lesson", "went well", "went wrong", "learning", "takeaway", "where we got lucky"),
  TIMELINE("timeline", "chronology", "sequence of events", "time line", "events in order"),
  TASKS("task", "todo", "to do", "to-do", "action item", "follow-up", "follow up", "followup",
      "next step", "action plan", "review action", "future action", "future work", "looking forward", "doing about it", "what we will do", "what we are doing",
      "what we're doing", "what's next", "what is next"),
  CORRECTIVE("corrective action", "corrective measure", "immediate action", "immediate fix"),
  PREVENTIVE("preventive action", "preventative action", "preventive measure",
      "preventative measure", "prevention"),
  MEASURES("measure", "corrective", "preventive", "preventative", "improvement", "remediation",
      "recommendation"),
  ROOT_CAUSE("root cause", "cause", "contributing factor", "why it happened", "trigger"),
  RESOLUTION("resolution", "mitigation", "recovery", "how it was fixed", "how we fixed"),
  IMPACT("impact"),
  SUMMARY("summary", "overview", "what happened", "tl;dr", "tldr", "incident details",
      "description", "background"),
  ESCALATION("escalation"),
  CONCLUSION("conclusion", "closing", "final thoughts"),
  OTHER;

  private static final java.util.regex.Pattern NUMBERING =
      java.util.regex.Pattern.compile("^(?:\\d+|0x[0-9a-f]+|[ivx]+)[.)]\\s+");
  private static final java.util.regex.Pattern ACTIONS = java.util.regex.Pattern.compile(
      "(?:(?:resulting|further|next|remaining|planned|proposed|our|key|required|pending|open)\\s+)?actions?"
          + "(?:\\s+(?:planned|proposed|required|needed|to take))?");
  private static final java.util.regex.Pattern TAKEN = java.util.regex.Pattern.compile("actions? taken");
  private static final java.util.regex.Pattern COLON = java.util.regex.Pattern.compile("[:：]\\s*$");

  private final List<String> words;

  SectionKind(String... words) {
    this.words = List.of(words);
  }

  static SectionKind of(String heading) {
    String h = normalize(heading);
    if (h.isEmpty()) {
      return OTHER;
    }
    // "Resulting Action", "Next actions", "Actions planned": a list of actions named by the word alone.
    if (ACTIONS.matcher(h).matches()) {
      return TASKS;
    }
    // "**Actions taken:**" over a list, a label under a finding, reports its actions; a heading
    // "## Actions taken" tells the response to the incident.
    if (TAKEN.matcher(h).matches() && heading.replace("*", "").strip().endsWith(":")) {
      return TASKS;
    }
    // "Corrective and Preventive Measures" names both kinds: a general measures section.
    if ((h.contains("corrective") && h.contains("prevent"))) {
      return MEASURES;
    }
    for (SectionKind kind : values()) {
      for (String word : kind.words) {
        if (h.contains(word)) {
          return kind;
        }
      }
    }
    return OTHER;
  }

  /**
   * Whether a deeper heading of kind {@code inner} stays inside a section of this kind: times in a
   * timeline, groups ("Process", "Infrastructure") in a list of actions.
   */
  boolean holdsSubHeading(SectionKind inner) {
    boolean lists = this == TIMELINE || this == TASKS || isMeasures();
    // A deeper "Corrective measures" under "Remediation" still says what its items are: its own section.
    return lists && (inner == OTHER || inner == this || (this == TASKS && inner.isMeasures()));
  }

  /**
   * Whether a deeper heading {@code inner} stays inside the section headed {@code outer}: as
   * {@link #holdsSubHeading}, and a heading that opens with a time stays in a timeline whatever its
   * words ("### 4:09-4:56 PM: Post-Incident Follow-up" is a stretch of the timeline, not actions).
   */
  static boolean holds(String outer, String inner) {
    SectionKind kind = of(outer);
    return kind.holdsSubHeading(of(inner)) || kind == TIMELINE && Leading.of(inner).isPresent();
  }

  boolean isMeasures() {
    return this == MEASURES || this == CORRECTIVE || this == PREVENTIVE;
  }

  /** Lower case, without numbering ("1.", "0x19.", "IV."), emphasis or a trailing colon. */
  static String normalize(String heading) {
    String h = heading.toLowerCase(Locale.ROOT).replace("*", "").replace("_", " ").strip();
    h = NUMBERING.matcher(h).replaceFirst("");
    h = COLON.matcher(h).replaceFirst("");
    return h.strip();
  }
}
