package dev.followthrough.core.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.followthrough.core.model.ActionItem;
import dev.followthrough.core.model.Postmortem;
import dev.followthrough.core.model.Priority;
import dev.followthrough.core.model.Recurrence;
import dev.followthrough.core.model.Verification;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Renders the HTML report in headless Chromium (Debian's {@code chromium}). Installs nothing:
 * where Chromium is missing the test is skipped; {@code .ci/run} installs it.
 */
class HtmlReportBrowserTest {
  @TempDir Path dir;

  static Optional<Path> chromium() {
    for (String name : List.of("chromium", "chromium-browser", "google-chrome")) {
      for (String folder : System.getenv().getOrDefault("PATH", "/usr/bin").split(java.io.File.pathSeparator)) {
        Path candidate = Path.of(folder, name);
        if (Files.isExecutable(candidate)) {
          return Optional.of(candidate);
        }
      }
    }
    return Optional.empty();
  }

  static OverdueReport report() {
    List<ActionItem> items = new ArrayList<>();
    String[] owners = {"erin", "sam", "noor", null};
    for (int i = 0; i < 12; i++) {
      items.add(ActionItem.open("item-" + i, "Action <b>" + i + "</b> & more").withOwner(owners[i % 4])
          .withPriority(Priority.values()[i % 4]).withDueDate(LocalDate.of(2025, 6, 1).minusDays(i * 11L)));
    }
    java.time.Instant april = java.time.Instant.parse("2025-04-20T10:00:00Z");
    java.time.Instant may = java.time.Instant.parse("2025-05-12T10:00:00Z");
    items.add(done("done-april", april, LocalDate.of(2025, 4, 30))
        .withVerification(new Verification(Verification.State.EFFECTIVE, LocalDate.of(2025, 5, 20), "no alert", "dash",
            may, "erin")));
    items.add(done("done-may-late", may, LocalDate.of(2025, 5, 1))
        .withVerification(Verification.pending(LocalDate.of(2025, 6, 1), "disk below 80% for a week")));
    var incident = new dev.followthrough.core.model.IncidentSummary(
        LocalDate.of(2025, 4, 2), null, null, null, null, null, null, null, null);
    Postmortem first = new Postmortem("pm", "Disk full on build agents", null, incident, null, null, items, null, null);
    var again = new dev.followthrough.core.model.IncidentSummary(
        LocalDate.of(2025, 5, 28), null, null, null, null, null, null, null, null);
    Postmortem second = new Postmortem("pm-again", "Disk full again", null, again, null, null, List.of(), null, null,
        List.of(new Recurrence("pm", 0.61, Recurrence.Status.SUSPECTED, List.of("disk full"),
            Recurrence.EarlierItems.of(first))));
    return new ReportBuilder(LocalDate.of(2025, 6, 10), 7).build(List.of(first, second));
  }

  static ActionItem done(String id, java.time.Instant at, LocalDate due) {
    return ActionItem.open(id, "Closed " + id).withOwner("erin").withPriority(Priority.P2).withDueDate(due)
        .withStatus(dev.followthrough.core.model.ItemStatus.DONE)
        .recording(new dev.followthrough.core.model.HistoryEntry(at, dev.followthrough.core.model.ChangeOrigin.TRACKER,
            "status", "OPEN", "DONE", null));
  }

  String browser(Path chrome, String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(chrome.toString(), "--headless", "--no-sandbox", "--disable-gpu",
        "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--user-data-dir=" + dir.resolve("profile")));
    command.addAll(List.of(args));
    Process p = new ProcessBuilder(command).redirectError(dir.resolve("chromium.log").toFile()).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    return out;
  }

  @Test
  void theReportRendersWithChartsAndSortsFromItsLink() throws Exception {
    Optional<Path> chrome = chromium();
    assumeTrue(chrome.isPresent(), "Chromium is not installed (apt-get install chromium); .ci/run installs it");
    Path html = Files.writeString(dir.resolve("report.html"), ReportFormat.HTML.render(report(), GroupBy.OWNER));
    String url = html.toUri() + "#sort=0-desc";
    String dom = browser(chrome.get(), "--virtual-time-budget=2000", "--dump-dom", url);

    assertThat(dom).contains("data-ready=\"true\"");
    assertThat(dom).contains("Overdue action items as of 2025-06-10");
    assertThat(Pattern.compile("<rect class=\"bar\"").matcher(dom).results().count()).isGreaterThanOrEqualTo(6);
    assertThat(dom).contains("Action &lt;b&gt;3&lt;/b&gt; &amp; more").doesNotContain("<b>3</b>");
    // Follow-through: the months, verification overdue and the repeated incident.
    assertThat(dom).contains("id=\"chart-closed-by-month\"").contains("id=\"chart-incidents-by-month\"")
        .contains("2025-04 done on time: 1").contains("2025-05 done late or without a due date: 1")
        .contains("2025-05 verified effective: 1").contains("2025-05 repeats of an earlier incident: 1")
        .contains("2025-04 incidents: 1");
    assertThat(dom).contains("id=\"verification-due\"").contains("Closed done-may-late");
    assertThat(dom).contains("id=\"recurrences\"").contains("pm-again repeats pm (suspected, score 0.61, disk full)");
    assertThat(dom).contains("verified 50.0%").contains("effective 100.0%");
    // #sort=0-desc: the overdue table opens sorted by days overdue, the most overdue first.
    String overdue = dom.substring(dom.indexOf("id=\"overdue\""), dom.indexOf("</table>", dom.indexOf("id=\"overdue\"")));
    Matcher days = Pattern.compile("<td class=\"num\">(\\d+)</td>").matcher(overdue);
    List<Integer> order = new ArrayList<>();
    while (days.find()) {
      order.add(Integer.parseInt(days.group(1)));
    }
    assertThat(order).hasSizeGreaterThan(5).isSortedAccordingTo(java.util.Comparator.reverseOrder());

    Path png = dir.resolve("report.png");
    browser(chrome.get(), "--window-size=1200,1400", "--screenshot=" + png, html.toUri().toString());
    assertThat(Files.size(png)).isGreaterThan(10_000);
    if (System.getProperty("followthrough.screenshot") != null) {
      Files.copy(png, Path.of(System.getProperty("followthrough.screenshot")), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }
  }
}
