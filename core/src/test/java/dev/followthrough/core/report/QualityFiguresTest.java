package dev.followthrough.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.followthrough.core.json.JsonFormat;
import dev.followthrough.core.model.ActionItem;
import dev.followthrough.core.model.Finding;
import dev.followthrough.core.model.Postmortem;
import dev.followthrough.core.quality.LintSettings;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class QualityFiguresTest {
  static final Finding WARNING = new Finding("vague", Finding.Level.WARNING, "It names an effort.", "Name the work.");
  static final Finding ERROR = new Finding("no-owner", Finding.Level.ERROR, "Nobody owns it.", "Name one person.");
  static final LocalDate AS_OF = LocalDate.parse("2025-06-15");
  static final LintSettings TEAMS =
      new LintSettings(Map.of(), List.of(), Map.of("payments", List.of("erin", "@Sam")));

  // 5 counted items in "a", 4 of them checked, 2 with findings, 1 with an error; one more missing
  // from its document with an error, which is not counted at all.
  final Postmortem a = new Postmortem("a", "A", null, null, null, null, List.of(
      ActionItem.open("w", "W").withOwner("erin").withQuality(List.of(WARNING)),
      ActionItem.open("e", "E").withQuality(List.of(WARNING, ERROR)),
      ActionItem.open("clean", "Clean").withOwner("sam").withQuality(List.of()),
      ActionItem.open("clean-too", "Clean too").withOwner("noor").withQuality(List.of()),
      ActionItem.open("old", "Old").withOwner("noor"),
      ActionItem.open("gone", "Gone").withOwner("erin").withQuality(List.of(ERROR)).withMissingFromSource(true)),
      null, null).withQuality(List.of(new Finding("no-detection-item", Finding.Level.WARNING, "None detects.", "Add.")));
  final Postmortem b = new Postmortem("b", "B", null, null, null, null, List.of(
      ActionItem.open("x", "X").withOwner("Erin").withQuality(List.of(ERROR))), null, null);

  OverdueReport report() {
    return new ReportBuilder(AS_OF, 7).withLint(TEAMS).build(List.of(b, a));
  }

  @Test
  void sharesAreCountedOverTheCheckedItemsOfTheirDocuments() {
    QualityFigures q = report().quality();
    assertThat(q.overall()).isEqualTo(new QualityFigures.Share(6, 5, 3, 2));
    assertThat(q.overall().findingRate()).isEqualTo(3 / 5.0);
    assertThat(q.overall().errorRate()).isEqualTo(2 / 5.0);
    assertThat(q.byPostmortem()).containsExactly(
        new QualityFigures.ByPostmortem("a", new QualityFigures.Share(5, 4, 2, 1), List.of("no-detection-item")),
        new QualityFigures.ByPostmortem("b", new QualityFigures.Share(1, 1, 1, 1), null));
    assertThat(q.byPostmortem().get(0).share().findingRate()).isEqualTo(0.5);
  }

  @Test
  void teamsAreTheOwnersTeamsElseTheOwnersAsWritten() {
    assertThat(report().quality().byTeam()).containsExactly(
        new QualityFigures.ByTeam("noor", new QualityFigures.Share(2, 1, 0, 0)),
        new QualityFigures.ByTeam("payments", new QualityFigures.Share(3, 3, 2, 1)),
        new QualityFigures.ByTeam(null, new QualityFigures.Share(1, 1, 1, 1)));
    // Without members every owner is its own team, as written.
    assertThat(new ReportBuilder(AS_OF, 7).build(List.of(a, b)).quality().byTeam())
        .extracting(QualityFigures.ByTeam::team).containsExactly("Erin", "erin", "noor", "sam", null);
  }

  @Test
  void noItemCheckedGivesNoShare() {
    Postmortem old = new Postmortem("old", "Old", null, null, null, null, List.of(ActionItem.open("o", "O")), null, null);
    QualityFigures q = new ReportBuilder(AS_OF, 7).build(List.of(old)).quality();
    assertThat(q.overall().findingRate()).isNull();
    assertThat(ReportFormat.TEXT.render(new ReportBuilder(AS_OF, 7).build(List.of(old)), GroupBy.OWNER))
        .contains("0 of 0 checked items have findings (n/a), 0 an error (n/a); 1 never checked");
  }

  @Test
  void everyFormatShowsTheFigures() {
    OverdueReport r = report();
    assertThat(ReportFormat.TEXT.render(r, GroupBy.OWNER))
        .contains("Action item quality: 3 of 5 checked items have findings (60.0%), 2 an error (40.0%); 1 never checked")
        .containsPattern("(?m)^  a +5 +4 +2 +50\\.0% +1 +25\\.0% +no-detection-item$")
        .containsPattern("(?m)^  payments +3 +3 +2 +66\\.7% +1 +33\\.3%$")
        .containsPattern("(?m)^  \\(no owner\\) +1 +1 +1 +100\\.0% +1 +100\\.0%$");
    assertThat(ReportFormat.MARKDOWN.render(r, GroupBy.OWNER)).contains("## Action item quality")
        .contains("| a | 5 | 4 | 2 | 50.0% | 1 | 25.0% | no-detection-item |")
        .contains("| payments | 3 | 3 | 2 | 66.7% | 1 | 33.3% |");
    assertThat(ReportFormat.CSV.render(r, GroupBy.OWNER)).contains("\r\nquality,,,,,,,,,,,6,5,3,2,0.6,0.4\r\n")
        .contains("\r\nqualityByPostmortem,a,,,,,,,,,,5,4,2,1,0.5,0.25\r\n")
        .contains("\r\nqualityByTeam,,,,,,,,,,payments,3,3,2,1,0.6666666666666666,0.3333333333333333\r\n");
    assertThat(ReportFormat.HTML.render(r, GroupBy.OWNER)).contains("<table class=\"sortable\" id=\"quality-by-team\">")
        .contains("<tr><td>payments</td><td class=\"num\">3</td><td class=\"num\">3</td><td class=\"num\">2</td>"
            + "<td class=\"num\">66.7%</td>");
    JsonNode json = JsonFormat.json().parseTree(ReportFormat.JSON.render(r, GroupBy.OWNER), "report");
    assertThat(json.get("summary").get("itemFindingRate").asDouble()).isEqualTo(0.6);
    assertThat(json.get("summary").get("itemErrorRate").asDouble()).isEqualTo(0.4);
    JsonNode quality = json.get("quality");
    assertThat(quality.get("checked").asLong()).isEqualTo(5);
    assertThat(quality.get("byPostmortem").get(0).get("findings").get(0).asText()).isEqualTo("no-detection-item");
    assertThat(quality.get("byPostmortem").get(1).get("findings").isNull()).isTrue();
    assertThat(quality.get("byTeam").get(2).get("team").isNull()).isTrue();
    assertThat(quality.get("byTeam").get(1).get("errorRate").asDouble()).isEqualTo(1 / 3.0);
  }
}
