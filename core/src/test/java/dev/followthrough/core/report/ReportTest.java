package dev.followthrough.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.followthrough.core.model.ActionItem;
import dev.followthrough.core.model.ChangeOrigin;
import dev.followthrough.core.model.HistoryEntry;
import dev.followthrough.core.model.IncidentSummary;
import dev.followthrough.core.model.ItemStatus;
import dev.followthrough.core.model.Postmortem;
import dev.followthrough.core.model.Priority;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReportTest {
  static final LocalDate AS_OF = LocalDate.of(2025, 6, 15);

  static ActionItem item(String id, String owner, String due, Priority p, ItemStatus status) {
    return ActionItem.open(id, "Item " + id).withOwner(owner).withDueDate(due == null ? null : LocalDate.parse(due))
        .withPriority(p).withStatus(status);
  }

  static ActionItem closedOn(ActionItem item, String day) {
    return item.recording(new HistoryEntry(Instant.parse(day + "T10:00:00Z"), ChangeOrigin.TRACKER, "status", "OPEN",
        "DONE", null));
  }

  static Postmortem postmortem() {
    IncidentSummary incident = new IncidentSummary(null, Instant.parse("2025-05-01T10:00:00Z"),
        Instant.parse("2025-05-01T12:00:00Z"), null, null, null, null, null, null);
    return new Postmortem("pm", "PM, with comma", null, incident, null, null, List.of(
        item("late", "erin", "2025-06-01", Priority.P1, ItemStatus.OPEN),
        item("today", null, "2025-06-15", Priority.P2, ItemStatus.IN_PROGRESS),
        item("soon", "sam", "2025-06-20", Priority.P3, ItemStatus.OPEN),
        item("later", "sam", "2025-07-30", Priority.P3, ItemStatus.BLOCKED),
        closedOn(item("ontime", "erin", "2025-06-01", Priority.P1, ItemStatus.DONE), "2025-05-21"),
        closedOn(item("tardy", "erin", "2025-05-10", Priority.P2, ItemStatus.DONE), "2025-06-10"),
        item("dropped", null, "2025-05-02", Priority.P4, ItemStatus.WONT_DO)), null, null);
  }

  final OverdueReport report = new ReportBuilder(AS_OF, 7).build(List.of(postmortem()));

  @Test
  void overdueMeansDueBeforeTheDayAndNotClosed() {
    assertThat(report.overdue()).extracting(e -> e.item().id()).containsExactly("late");
    assertThat(report.overdue().get(0).daysOverdue()).isEqualTo(14);
  }

  @Test
  void dueSoonAndUnownedAreListed() {
    assertThat(report.dueSoon()).extracting(e -> e.item().id()).containsExactly("today", "soon");
    assertThat(report.unowned()).extracting(e -> e.item().id()).containsExactly("today");
  }

  @Test
  void summaryCountsRatesAndMedian() {
    OverdueReport.Summary s = report.summary();
    assertThat(s.total()).isEqualTo(7);
    assertThat(s.open()).isEqualTo(4);
    assertThat(s.overdue()).isEqualTo(1);
    assertThat(s.done()).isEqualTo(2);
    assertThat(s.wontDo()).isEqualTo(1);
    assertThat(s.doneOnTime()).isEqualTo(1);
    assertThat(s.doneLate()).isEqualTo(1);
    assertThat(s.completionRate()).isEqualTo(0.333);
    assertThat(s.onTimeRate()).isEqualTo(0.5);
    assertThat(s.medianDaysToClose()).isEqualTo(30.0);
    assertThat(report.byPriority().get(Priority.P1).doneOnTime()).isEqualTo(1);
  }

  @Test
  void csvFollowsRfc4180() {
    String csv = ReportFormat.CSV.render(report, GroupBy.OWNER);
    assertThat(csv).startsWith("section,postmortemId,itemId,title,owner,priority,status,dueDate,daysOverdue,ticket,"
        + "team,items,checked,withFindings,withErrors,findingRate,errorRate\r\n");
    assertThat(csv).contains("overdue,pm,late,Item late,erin,P1,OPEN,2025-06-01,14,,,,,,,,\r\n");
    assertThat(CsvReport.field("a,\"b\"")).isEqualTo("\"a,\"\"b\"\"\"");
  }

  @Test
  void jsonHasTheContractShape() throws Exception {
    var json = dev.followthrough.core.json.JsonFormat.json().parseTree(ReportFormat.JSON.render(report, GroupBy.OWNER), "output");
    assertThat(json.get("schemaVersion").asInt()).isEqualTo(1);
    assertThat(json.get("asOf").asText()).isEqualTo("2025-06-15");
    assertThat(json.get("overdue").get(0).get("postmortemId").asText()).isEqualTo("pm");
    assertThat(json.get("overdue").get(0).get("daysOverdue").asInt()).isEqualTo(14);
    assertThat(json.get("dueSoon").get(0).get("daysOverdue").asInt()).isZero();
    assertThat(json.get("summary").get("onTimeRate").asDouble()).isEqualTo(0.5);
    assertThat(json.get("summary").get("byPriority").has("P1")).isTrue();
  }

  @Test
  void markdownAndHtmlEscapeWhatTheyShow() {
    String md = ReportFormat.MARKDOWN.render(report, GroupBy.PRIORITY);
    assertThat(md).contains("## P1 (1 overdue)");
    String html = ReportFormat.HTML.render(report, GroupBy.OWNER);
    assertThat(html).contains("<svg id=\"chart-owner\"", "<svg id=\"chart-age\"", "PM, with comma")
        .doesNotContain("<link", "src=\"http");
    assertThat(HtmlReport.esc("<b>&\"")).isEqualTo("&lt;b&gt;&amp;&quot;");
  }

  @Test
  void colourIsOnlyInTheTerminalVariant() {
    assertThat(ReportFormat.TEXT.render(report, GroupBy.OWNER)).doesNotContain("\u001b[");
    String coloured = ReportFormat.colouredText(report, GroupBy.OWNER);
    assertThat(coloured).contains("\u001b[31m").contains("\u001b[1m");
    assertThat(coloured.replaceAll("\u001b\\[[0-9;]*m", "")).isEqualTo(ReportFormat.TEXT.render(report, GroupBy.OWNER));
  }
}
