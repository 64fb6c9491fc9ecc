package dev.followthrough.server.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.followthrough.core.quality.LintSettings;
import dev.followthrough.core.report.GroupBy;
import dev.followthrough.core.report.ReportFormat;
import org.junit.jupiter.api.Test;

class DashboardPagesTest {
  final Fixtures f = new Fixtures();

  String section(String html, String id) {
    int start = html.indexOf("id=\"" + id + "\"");
    assertThat(start).as("section " + id).isNotNegative();
    // To the first end of a table, chart, card, list or paragraph after it.
    int end = java.util.stream.Stream.of("</table>", "</svg>", "</div>", "</ul>", "</dl>", "</p>")
        .mapToInt(close -> html.indexOf(close, start)).filter(i -> i >= 0).min().orElse(html.length());
    return html.substring(start, end);
  }

  @Test
  void overviewShowsOverdueByOwnerAndByTeam() {
    String html = f.dashboard.overview(Fixtures.params()).html();
    String byOwner = section(html, "overdue-by-owner");
    assertThat(byOwner).contains("<td>erin</td><td class=\"num\">1</td><td class=\"num\">40</td><td>build-team</td>")
        .contains("<td>build-team</td><td class=\"num\">2</td><td class=\"num\">21</td><td>build-team</td>");
    // erin's item belongs to the team that owns most of its postmortem's items.
    assertThat(section(html, "overdue-by-team"))
        .contains("<td>build-team</td><td class=\"num\">3</td><td class=\"num\">40</td><td>build-team, erin</td>");
    assertThat(section(html, "chart-team")).contains("build-team, overdue: 3");
    assertThat(section(html, "chart-owner")).contains("erin, overdue: 1").contains("build-team, overdue: 2");
  }

  @Test
  void overviewListsDueSoonUnownedVerificationDueAndRecurrences() {
    String html = f.dashboard.overview(Fixtures.params()).html();
    assertThat(section(html, "due-soon")).contains("/postmortems/2025-03-30-disk-full/items/runbook");
    assertThat(section(html, "unowned")).contains("/postmortems/2025-03-30-disk-full/items/runbook");
    assertThat(section(html, "verification-due")).contains("Bigger disks").contains("<td class=\"num\">16</td>")
        .doesNotContain("Clean the agents");
    assertThat(section(html, "recurrences")).contains("Disk full again").contains("Disk full on build agents")
        .contains("disk full").contains("suspected");
    assertThat(section(html, "recurred-open")).contains("Alert at 80% disk");
    assertThat(section(html, "card-overdue")).contains("<span class=\"value\">3</span>");
  }

  @Test
  void storedStringsAreEscapedEverywhere() {
    String overview = f.dashboard.overview(Fixtures.params()).html();
    String item = f.dashboard.item("2025-03-30-disk-full", "runbook", Fixtures.params()).html();
    String postmortem = f.dashboard.postmortem("2025-03-30-disk-full", Fixtures.params()).html();
    for (String html : new String[] {overview, item, postmortem}) {
      assertThat(html).doesNotContain("<script>alert").doesNotContain("\"quotes\"")
          .contains("Fix &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;quotes&quot;");
      // The only script is the dashboard's own, from the server.
      assertThat(html.split("<script", -1)).hasSize(2);
      assertThat(html).contains("<script src=\"/assets/dashboard.js\" defer></script>");
    }
  }

  @Test
  void onlyWebAddressesBecomeLinks() {
    String html = f.dashboard.overview(Fixtures.params()).html();
    assertThat(html).contains("<a rel=\"noopener noreferrer\" href=\"https://jira.example.com/browse/OPS-12\">OPS-12</a>")
        .doesNotContain("href=\"javascript:").contains("<td>OPS-13</td>");
  }

  @Test
  void postmortemPageCountsItsFollowThrough() {
    String html = f.dashboard.postmortem("2025-03-30-disk-full", Fixtures.params()).html();
    assertThat(section(html, "count-ontime")).contains("<span class=\"value\">1</span>");
    assertThat(section(html, "count-late")).contains("<span class=\"value\">1</span>");
    assertThat(section(html, "count-overdue")).contains("<span class=\"value\">3</span>");
    assertThat(section(html, "count-open")).contains("<span class=\"value\">1</span>");
    assertThat(section(html, "count-verified")).contains("<span class=\"value\">1</span>").contains("1 effective");
    String items = section(html, "items");
    assertThat(items).contains("done late (closed 2025-04-25, 24 days after due)")
        .contains("done on time (closed 2025-04-20)").contains("overdue by 40 days").contains("open, due in 4 days")
        .contains("pending, due 2025-05-25");
    assertThat(section(html, "recurrences")).contains("happened again in").contains("Disk full again");
    assertThat(section(html, "chart-postmortem")).contains("done on time: 1").contains("overdue: 3");
  }

  @Test
  void postmortemsIndexHasAChartAndARowEach() {
    String html = f.dashboard.postmortems(Fixtures.params()).html();
    assertThat(section(html, "chart-follow-through")).contains("<rect class=\"seg ontime\"")
        .contains("Disk full again, open: 1");
    assertThat(section(html, "postmortems")).contains("Disk full on build agents").contains("Disk full again");
  }

  @Test
  void itemPageShowsItsHistoryTicketAndVerification() {
    String html = f.dashboard.item("2025-03-30-disk-full", "clean-agents", Fixtures.params()).html();
    assertThat(section(html, "history")).contains("2025-04-20T10:00:00Z").contains("<td>OPEN</td><td>DONE</td>");
    assertThat(section(html, "verification")).contains("effective")
        .contains("href=\"https://dash.example.com/disk\"");
    String ticketed = f.dashboard.item("2025-03-30-disk-full", "alert-disk", Fixtures.params()).html();
    assertThat(section(ticketed, "tickets")).contains("href=\"https://jira.example.com/browse/OPS-12\">OPS-12</a>")
        .contains("linked");
  }

  @Test
  void unknownPagesAre404AndBadParametersNameTheParameter() {
    assertThat(f.dashboard.postmortem("nope", Fixtures.params()).status()).isEqualTo(404);
    assertThat(f.dashboard.item("2025-03-30-disk-full", "nope", Fixtures.params()).status()).isEqualTo(404);
    assertThatThrownBy(() -> f.dashboard.overview(Fixtures.params("asOf", "yesterday")))
        .isInstanceOf(BadRequestException.class).hasMessageStartingWith("asOf: ");
    assertThatThrownBy(() -> f.dashboard.itemsJson(Fixtures.params("status", "LATE")))
        .isInstanceOf(BadRequestException.class).hasMessageStartingWith("status: ");
  }

  @Test
  void linksKeepTheDayTheRequestNamed() {
    String html = f.dashboard.overview(Fixtures.params("asOf", "2025-05-15")).html();
    assertThat(html).contains("Follow-through as of 2025-05-15")
        .contains("href=\"/postmortems/2025-03-30-disk-full/items/alert-disk?asOf=2025-05-15\"");
  }

  @Test
  void everyPageCarriesTheStoreVersion() {
    f.version.set(42);
    assertThat(f.dashboard.overview(Fixtures.params()).html()).contains("<main data-version=\"42\">");
    assertThat(f.dashboard.versionJson()).isEqualTo("{\"version\":42}\n");
  }

  /** The row of a quality table for {@code key}, as the cells a share of {@code report --format json} makes. */
  static String qualityRow(JsonNode share) {
    return "<td class=\"num\">" + share.get("items").asLong() + "</td><td class=\"num\">" + share.get("checked").asLong()
        + "</td><td class=\"num\">" + share.get("withFindings").asLong() + "</td><td class=\"num\">"
        + QualityPanel.percent(share.get("findingRate").isNull() ? null : share.get("findingRate").asDouble())
        + "</td><td class=\"num\">" + share.get("withErrors").asLong() + "</td><td class=\"num\">"
        + QualityPanel.percent(share.get("errorRate").isNull() ? null : share.get("errorRate").asDouble()) + "</td>";
  }

  @Test
  void qualityPanelHasTheNumbersOfReportJson() throws Exception {
    QualityFixtures q = new QualityFixtures();
    for (LintSettings lint : new LintSettings[] {QualityFixtures.LINT, LintSettings.standard()}) {
      String html = q.dashboard(lint).overview(Fixtures.params()).html();
      // What 'report --format json' prints for the same store: read through the store's own report data.
      JsonNode quality = new ObjectMapper().readTree(ReportFormat.JSON.render(
          q.followthrough(lint).report(Fixtures.AS_OF, 7), GroupBy.OWNER)).get("quality");
      String byPostmortem = section(html, "quality-by-postmortem");
      assertThat(quality.get("byPostmortem")).hasSize(2);
      for (JsonNode p : quality.get("byPostmortem")) {
        assertThat(byPostmortem).contains("<tr data-key=\"" + p.get("postmortemId").asText() + "\">")
            .contains(qualityRow(p));
      }
      String byTeam = section(html, "quality-by-team");
      assertThat(byTeam.split("<tr data-key=", -1)).hasSize(quality.get("byTeam").size() + 1);
      for (JsonNode t : quality.get("byTeam")) {
        String team = t.get("team").isNull() ? "(no owner)" : t.get("team").asText();
        assertThat(byTeam).contains("<tr data-key=\"" + team + "\"><td>" + team + "</td>" + qualityRow(t));
      }
      assertThat(section(html, "quality-overall")).contains(quality.get("withFindings").asLong() + " of "
          + quality.get("checked").asLong() + " checked items have findings");
    }
    // And the numbers themselves: 3 of the queue's 4 checked items have findings, 2 an error; one never checked.
    String html = q.dashboard(QualityFixtures.LINT).overview(Fixtures.params()).html();
    assertThat(section(html, "quality-by-postmortem")).contains("Queue backlog</a></td><td class=\"num\">5</td>"
        + "<td class=\"num\">4</td><td class=\"num\">3</td><td class=\"num\">75.0%</td><td class=\"num\">2</td>"
        + "<td class=\"num\">50.0%</td><td>no-detection-item</td>");
    // erin (in both postmortems, once as Erin) and ana are payments by lint.teams.
    assertThat(section(html, "quality-by-team")).contains("<td>payments</td><td class=\"num\">3</td>"
        + "<td class=\"num\">3</td><td class=\"num\">2</td><td class=\"num\">66.7%</td><td class=\"num\">1</td>"
        + "<td class=\"num\">33.3%</td>");
    assertThat(section(html, "quality-overall")).contains("3 of 5 checked items have findings (60.0%), 2 an error (40.0%)")
        .contains("1 never checked");
    assertThat(section(html, "card-quality")).contains("<span class=\"value\">60%</span>");
  }

  @Test
  void teamsFollowLintTeamsWhereTheyAreConfigured() {
    QualityFixtures q = new QualityFixtures();
    String html = q.dashboard(QualityFixtures.LINT).overview(Fixtures.params()).html();
    // report's rule: erin and ana are in payments; sam, not in a team, is his own.
    assertThat(section(html, "overdue-by-team"))
        .contains("<td>payments</td><td class=\"num\">2</td><td class=\"num\">40</td><td>ana@example.com, erin</td>")
        .contains("<td>sam</td><td class=\"num\">1</td>").doesNotContain("build-team");
    assertThat(section(html, "chart-team")).contains("payments, overdue: 2");
    String item = q.dashboard(QualityFixtures.LINT).item("2025-04-20-queue", "nobody", Fixtures.params()).html();
    assertThat(section(item, "fields")).contains("<dt>Team</dt><dd>(no owner)</dd>");
    // Without lint.teams the team is inferred: the only team owning an item of the postmortem.
    String inferred = q.dashboard(LintSettings.standard()).overview(Fixtures.params()).html();
    assertThat(section(inferred, "overdue-by-team"))
        .contains("<td>build-team</td><td class=\"num\">3</td><td class=\"num\">40</td><td>ana@example.com, erin, sam</td>");
  }

  @Test
  void itemAndPostmortemPagesListTheirFindingsEscaped() {
    Dashboard dashboard = new QualityFixtures().dashboard(QualityFixtures.LINT);
    String findings = section(dashboard.item("2025-04-20-queue", "undated", Fixtures.params()).html(), "findings");
    assertThat(findings).contains("<tr class=\"error\"><td>no-due-date</td><td>error</td><td>Why no-due-date.</td>"
        + "<td>Fix no-due-date.</td></tr>")
        .contains("<td>unbounded</td><td>warning</td><td>Says &lt;img src=x onerror=alert(1)&gt; &amp; &#39;more&#39;.</td>"
            + "<td>Say &lt;when&gt;.</td>")
        .doesNotContain("<img");
    assertThat(section(dashboard.item("2025-04-20-queue", "clean", Fixtures.params()).html(), "findings"))
        .contains("No findings.");
    assertThat(section(dashboard.item("2025-04-20-queue", "old", Fixtures.params()).html(), "findings"))
        .contains("Never checked");
    assertThat(section(dashboard.postmortem("2025-04-20-queue", Fixtures.params()).html(), "postmortem-findings"))
        .contains("<td>no-detection-item</td><td>warning</td><td>Why no-detection-item.</td>");
    assertThat(section(dashboard.postmortem("2025-05-10-dns", Fixtures.params()).html(), "postmortem-findings"))
        .contains("Never checked");
  }
}
