package dev.followthrough.core.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.followthrough.core.model.ActionItem;
import dev.followthrough.core.model.Postmortem;
import dev.followthrough.core.model.Priority;
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
    Postmortem p = new Postmortem("pm", "Disk full on build agents", null, null, null, null, items, null, null);
    return new ReportBuilder(LocalDate.of(2025, 6, 10), 7).build(List.of(p));
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
