package dev.followthrough.core.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.followthrough.core.json.JsonFormat;
import dev.followthrough.core.report.OverdueReport.Entry;
import java.util.List;

/** The {@code schemaVersion: 1} report JSON of the design contract. */
final class JsonReport {
  private JsonReport() {}

  static String render(OverdueReport report) {
    JsonFormat json = JsonFormat.json();
    ObjectNode root = json.object();
    root.put("schemaVersion", JsonFormat.SCHEMA_VERSION);
    root.put("asOf", report.asOf().toString());
    entries(root.putArray("overdue"), report.overdue());
    entries(root.putArray("dueSoon"), report.dueSoon());
    entries(root.putArray("unowned"), report.unowned());
    entries(root.putArray("verificationDue"), report.verificationDue());
    ArrayNode recurrences = root.putArray("recurrences");
    report.recurrences().forEach(r -> recurrences.add(json.recurrenceTree(r.postmortemId(), r.recurrence())));
    entries(root.putArray("openItemsOfRecurredIncidents"), report.openItemsOfRecurredIncidents());
    root.set("byMonth", json.toTree(report.byMonth()));
    ObjectNode summary = json.toTree(report.summary());
    summary.put("dueSoonDays", report.dueSoonDays());
    ObjectNode byPriority = summary.putObject("byPriority");
    report.byPriority().entrySet().stream().sorted(java.util.Map.Entry.comparingByKey())
        .forEach(e -> byPriority.set(e.getKey().name(), json.toTree(e.getValue())));
    QualityFigures.Share overall = report.quality().overall();
    summary.put("itemFindingRate", overall.findingRate());
    summary.put("itemErrorRate", overall.errorRate());
    root.set("summary", summary);
    root.set("quality", quality(json, report.quality()));
    return json.write(root);
  }

  /** The quality figures: overall counts, then per postmortem and per team ({@code null}: no owner). */
  private static ObjectNode quality(JsonFormat json, QualityFigures q) {
    ObjectNode node = share(json.object(), q.overall());
    ArrayNode byPostmortem = node.putArray("byPostmortem");
    for (QualityFigures.ByPostmortem p : q.byPostmortem()) {
      ObjectNode entry = share(json.object().put("postmortemId", p.postmortemId()), p.share());
      entry.set("findings", json.toTree(p.findings()));
      byPostmortem.add(entry);
    }
    ArrayNode byTeam = node.putArray("byTeam");
    q.byTeam().forEach(t -> byTeam.add(share(json.object().put("team", t.team()), t.share())));
    return node;
  }

  private static ObjectNode share(ObjectNode node, QualityFigures.Share s) {
    return node.put("items", s.items()).put("checked", s.checked()).put("withFindings", s.withFindings())
        .put("withErrors", s.withErrors()).put("findingRate", s.findingRate()).put("errorRate", s.errorRate());
  }

  private static void entries(ArrayNode array, List<Entry> entries) {
    for (Entry e : entries) {
      ObjectNode node = JsonFormat.json().itemTree(e.postmortem().id(), e.item());
      if (e.daysOverdue() == null) {
        node.putNull("daysOverdue");
      } else {
        node.put("daysOverdue", e.daysOverdue());
      }
      array.add(node);
    }
  }
}
