package dev.followthrough.cli;

import dev.followthrough.core.importer.ParseResult;
import dev.followthrough.core.model.ActionItem;
import dev.followthrough.core.model.Diagnostic;
import dev.followthrough.core.model.IncidentSummary;
import dev.followthrough.core.model.Measure;
import dev.followthrough.core.model.Postmortem;
import dev.followthrough.core.model.TimelineEntry;
import dev.followthrough.core.report.TextTable;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** The human-readable form of {@code parse --format text}. */
final class PostmortemText {
  private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm'Z'").withZone(ZoneOffset.UTC);

  private final boolean lines;

  /** @param lines whether timeline entries and action items show the line they were read from */
  PostmortemText(boolean lines) {
    this.lines = lines;
  }

  PostmortemText() {
    this(false);
  }

  String render(ParseResult result) {
    Postmortem p = result.postmortem();
    StringBuilder out = new StringBuilder();
    out.append(p.title()).append('\n');
    out.append("id: ").append(p.id());
    if (p.severity() != null) {
      out.append("   severity: ").append(p.severity());
    }
    out.append('\n');
    IncidentSummary i = p.incident();
    if (i.start() != null || i.date() != null) {
      out.append("incident: ").append(i.start() != null ? WHEN.format(i.start()) : i.date());
      if (i.end() != null) {
        out.append(" to ").append(WHEN.format(i.end()));
      }
      if (i.durationMinutes() != null) {
        out.append(" (").append(i.durationMinutes()).append(" min)");
      }
      out.append('\n');
    }
    if (i.impactPercent() != null) {
      out.append("impact: ").append(i.impactPercent()).append("% affected\n");
    }
    if (i.rootCause() != null) {
      out.append("root cause: ").append(firstLine(i.rootCause())).append('\n');
    }
    out.append("\nTimeline (").append(p.timeline().size()).append(")\n");
    TextTable timeline = lines ? new TextTable(100, "LINE", "WHEN", "KIND", "WHAT") : new TextTable(100, "WHEN", "KIND", "WHAT");
    for (TimelineEntry e : p.timeline()) {
      String when = e.at() == null ? null : WHEN.format(e.at());
      if (lines) {
        timeline.row(e.line(), when, e.kind(), e.text());
      } else {
        timeline.row(when, e.kind(), e.text());
      }
    }
    out.append(indent(timeline.render()));
    out.append("\nMeasures (").append(p.measures().size()).append(")\n");
    TextTable measures = new TextTable(90, "ID", "KIND", "CATEGORY", "TITLE");
    for (Measure m : p.measures()) {
      measures.row(m.id(), m.kind(), m.category(), m.title());
    }
    out.append(indent(measures.render()));
    out.append("\nAction items (").append(p.actionItems().size()).append(")\n");
    TextTable items = lines ? new TextTable(80, "LINE", "ID", "PRIORITY", "STATUS", "OWNER", "DUE", "TITLE")
        : new TextTable(80, "ID", "PRIORITY", "STATUS", "OWNER", "DUE", "TITLE");
    for (ActionItem a : p.actionItems()) {
      if (lines) {
        items.row(a.line(), a.id(), a.priority(), a.status(), a.owner(), a.dueDate(), a.title());
      } else {
        items.row(a.id(), a.priority(), a.status(), a.owner(), a.dueDate(), a.title());
      }
    }
    out.append(indent(items.render()));
    if (!result.diagnostics().isEmpty()) {
      out.append("\nDiagnostics (").append(result.diagnostics().size()).append(")\n");
      for (Diagnostic d : result.diagnostics()) {
        out.append("  ").append(d.line() > 0 ? "line " + d.line() : "document").append(": ")
            .append(d.severity().name().toLowerCase()).append(": ").append(d.message()).append('\n');
      }
    }
    return out.toString();
  }

  private static String firstLine(String text) {
    String line = text.split("\n", 2)[0];
    return line.length() > 160 ? line.substring(0, 159) + "…" : line;
  }

  private static String indent(String block) {
    return block.lines().map(l -> "  " + l).reduce("", (a, b) -> a + b + "\n");
  }
}
