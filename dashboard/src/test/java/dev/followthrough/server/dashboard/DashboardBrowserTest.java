package dev.followthrough.server.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.followthrough.core.model.Postmortem;
import dev.followthrough.server.ServerRoutes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a person sees in headless Chromium: the tables, the charts, stored text shown as text, the
 * Content-Security-Policy enforced, and the page changing without a reload when the store changes.
 * Skipped where Chromium is missing ({@code apt-get install chromium}; {@code .ci/run} installs it).
 */
class DashboardBrowserTest {
  @TempDir Path dir;
  final Fixtures f = new Fixtures();
  TestServer server;
  Browser browser;

  @BeforeEach
  void browser() throws Exception {
    Optional<Path> chrome = Browser.chromium();
    assumeTrue(chrome.isPresent(), "Chromium is not installed (apt-get install chromium); .ci/run installs it");
    browser = new Browser(chrome.get(), dir);
  }

  @AfterEach
  void stop() {
    if (browser != null) {
      browser.close();
    }
    if (server != null) {
      server.close();
    }
  }

  void serve(ServerRoutes... routes) {
    server = new TestServer(f.followthrough, Fixtures.CLOCK, routes);
  }

  int number(String expression) throws Exception {
    return browser.eval(expression).asInt();
  }

  @Test
  void theOverviewShowsItsTablesAndCharts() throws Exception {
    serve(new DashboardRoutes());
    browser.open(server.url("/"));
    assertThat(browser.eval("document.querySelector('h1').textContent").asText())
        .isEqualTo("Follow-through as of 2025-06-10");
    assertThat(number("document.querySelectorAll('#overdue tbody tr').length")).isEqualTo(3);
    assertThat(browser.eval("[...document.querySelectorAll('#overdue tbody tr')].map(r => r.cells[0].textContent)"
        + ".join(',')").asText()).isEqualTo("40,21,9");
    assertThat(browser.eval("[...document.querySelectorAll('#overdue-by-team tbody tr')].map(r => r.innerText)"
        + ".join('|')").asText()).isEqualTo("build-team\t3\t40\tbuild-team, erin");
    // Quality: only the unowned runbook item was checked, and it has an error.
    assertThat(browser.eval("document.querySelector('#quality-by-team tr[data-key=\"(no owner)\"]').innerText").asText())
        .isEqualTo("(no owner)\t1\t1\t1\t100.0%\t1\t100.0%");
    assertThat(number("document.querySelectorAll('#due-soon tbody tr').length")).isEqualTo(1);
    assertThat(number("document.querySelectorAll('#verification-due tbody tr').length")).isEqualTo(1);
    assertThat(number("document.querySelectorAll('#recurrences tbody tr').length")).isEqualTo(1);
    // The charts are drawn: two bars by owner, the longest as wide as the chart allows, styled red.
    assertThat(number("document.querySelectorAll('#chart-owner rect.seg').length")).isEqualTo(2);
    assertThat(number("Math.round(Math.max(...[...document.querySelectorAll('#chart-owner rect')]"
        + ".map(r => r.getBBox().width)))")).isEqualTo(300);
    assertThat(browser.eval("getComputedStyle(document.querySelector('#chart-team rect')).fill").asText())
        .isEqualTo("rgb(207, 34, 46)");
    // Clicking a header sorts its table.
    browser.eval("document.querySelector('#overdue th').click()");
    browser.eval("document.querySelector('#overdue th').click()");
    assertThat(browser.eval("[...document.querySelectorAll('#overdue tbody tr')].map(r => r.cells[0].textContent)"
        + ".join(',')").asText()).isEqualTo("40,21,9");
    Files.write(dir.resolve("overview.png"), browser.screenshot());
    assertThat(Files.size(dir.resolve("overview.png"))).isGreaterThan(20_000);
    if (System.getProperty("followthrough.screenshot") != null) {
      Files.copy(dir.resolve("overview.png"), Path.of(System.getProperty("followthrough.screenshot")),
          java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }
  }

  @Test
  void aScriptInATitleIsShownAsText() throws Exception {
    serve(new DashboardRoutes());
    for (String path : List.of("/", "/postmortems/2025-03-30-disk-full", "/postmortems/2025-03-30-disk-full/items/runbook")) {
      browser.open(server.url(path));
      assertThat(browser.eval("document.body.innerText.includes(" + "\"Fix <script>alert('x')</script> & \\\"quotes\\\"\")")
          .asBoolean()).as(path).isTrue();
      assertThat(browser.eval("[...document.scripts].map(s => s.getAttribute('src')).join(',')").asText()).as(path)
          .isEqualTo("/assets/dashboard.js");
    }
    assertThat(browser.eval("document.getElementById('item-title').textContent").asText()).isEqualTo(Fixtures.SCRIPT_TITLE);
    // The item's stored finding is listed, its markup shown as text.
    assertThat(browser.eval("document.querySelector('#findings tbody tr').innerText").asText())
        .isEqualTo("no-owner\terror\tNobody owns <it>.\tName one person.");
  }

  @Test
  void thePolicyStopsInlineScript() throws Exception {
    serve(new DashboardRoutes());
    browser.open(server.url("/"));
    // What a missed escape would let in: an inline script. The policy keeps it from running.
    browser.eval("window.violations = 0; document.addEventListener('securitypolicyviolation', () => window.violations++);"
        + "const s = document.createElement('script'); s.textContent = 'window.injected = true;';"
        + "document.body.appendChild(s); true");
    browser.waitFor("window.violations > 0");
    assertThat(browser.eval("window.injected === true").asBoolean()).isFalse();
  }

  @Test
  void theItemPageShowsItsHistoryAndTicket() throws Exception {
    serve(new DashboardRoutes());
    browser.open(server.url("/postmortems/2025-03-30-disk-full/items/clean-agents"));
    assertThat(browser.eval("document.querySelector('#history tbody tr').innerText").asText())
        .isEqualTo("2025-04-20T10:00:00Z\ttracker\tstatus\tOPEN\tDONE\terin");
    browser.open(server.url("/postmortems/2025-03-30-disk-full/items/alert-disk"));
    assertThat(browser.eval("document.querySelector('#tickets a').href").asText())
        .isEqualTo("https://jira.example.com/browse/OPS-12");
    browser.open(server.url("/postmortems/2025-03-30-disk-full"));
    assertThat(browser.eval("document.getElementById('count-late').innerText").asText()).contains("1");
    assertThat(number("document.querySelectorAll('#chart-postmortem rect.seg').length")).isEqualTo(4);
  }

  @Test
  void theOverviewChangesWithoutAReloadWhenTheStoreChanges() throws Exception {
    serve(new DashboardRoutes());
    browser.open(server.url("/"));
    browser.waitFor("document.body.dataset.live === 'events'");
    browser.eval("window.sameDocument = 'kept'");
    assertThat(browser.eval("document.querySelector('#card-overdue .value').textContent").asText()).isEqualTo("3");

    addOverdueItem();
    server.changed();

    browser.waitFor("document.querySelector('#card-overdue .value').textContent === '4'");
    assertThat(browser.eval("document.querySelector('#overdue').innerText.includes('Page the build team')").asBoolean())
        .isTrue();
    assertThat(browser.eval("window.sameDocument").asText()).isEqualTo("kept");
    assertThat(browser.eval("document.body.dataset.version").asText()).isEqualTo("2");
    assertThat(number("document.querySelectorAll('#chart-owner rect.seg').length")).isEqualTo(3);
  }

  @Test
  void withoutServerSentEventsThePagePollsTheVersion() throws Exception {
    // A proxy that refuses streams: /api/events answers 503, so the page falls back to /api/version.
    serve(context -> context.routes().before("/api/events", ctx -> {
      ctx.status(503).result("no streams here");
      ctx.skipRemainingHandlers();
    }), new DashboardRoutes());
    browser.open(server.url("/postmortems"));
    browser.waitFor("document.body.dataset.live === 'poll'");
    browser.eval("window.sameDocument = 'kept'");

    addOverdueItem();
    server.changed();

    browser.waitFor("document.querySelector('#postmortems').innerText.includes('Build queue stuck')");
    assertThat(browser.eval("window.sameDocument").asText()).isEqualTo("kept");
  }

  void addOverdueItem() {
    f.store.insert(new Postmortem("2025-06-05-build-queue", "Build queue stuck", null,
        Fixtures.incident(LocalDate.of(2025, 6, 5)), null, null,
        List.of(Fixtures.item("page-team", "Page the build team", "omar", LocalDate.of(2025, 6, 8))), null, null));
  }
}
