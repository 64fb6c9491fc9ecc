package dev.followthrough.server.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
}
