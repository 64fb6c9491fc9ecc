package dev.followthrough.server.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The dashboard's routes over real HTTP, on a Javalin server holding only them. */
class DashboardHttpTest {
  final Fixtures f = new Fixtures();
  final TestServer server = new TestServer(f.followthrough, Fixtures.CLOCK, new DashboardRoutes());
  final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  final ObjectMapper mapper = new ObjectMapper();

  @AfterEach
  void stop() {
    server.close();
  }

  HttpResponse<String> get(String path) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create(server.url(path))).timeout(Duration.ofSeconds(10)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void pagesAreHtmlWithAStrictContentSecurityPolicy() throws Exception {
    for (String path : List.of("/", "/postmortems", "/postmortems/2025-03-30-disk-full",
        "/postmortems/2025-03-30-disk-full/items/runbook", "/api/report", "/assets/dashboard.js")) {
      HttpResponse<String> r = get(path);
      assertThat(r.statusCode()).as(path).isEqualTo(200);
      assertThat(r.headers().firstValue("Content-Security-Policy")).as(path).contains(
          "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; "
              + "base-uri 'none'; form-action 'self'; frame-ancestors 'none'");
      assertThat(r.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
      assertThat(r.headers().firstValue("Cache-Control")).contains("no-store");
    }
    HttpResponse<String> item = get("/postmortems/2025-03-30-disk-full/items/runbook");
    assertThat(item.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
    assertThat(item.body()).contains("Fix &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;").doesNotContain("<script>alert");
    assertThat(get("/assets/dashboard.js").headers().firstValue("Content-Type").orElseThrow())
        .startsWith("text/javascript");
    assertThat(get("/assets/other.js").statusCode()).isEqualTo(404);
    assertThat(get("/postmortems/nope").statusCode()).isEqualTo(404);
  }

  @Test
  void apiReportIsTheReportJsonForTheDayAsked() throws Exception {
    HttpResponse<String> r = get("/api/report?asOf=2025-06-10");
    assertThat(r.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/json");
    JsonNode report = mapper.readTree(r.body());
    assertThat(report.get("schemaVersion").asInt()).isEqualTo(1);
    assertThat(report.get("asOf").asText()).isEqualTo("2025-06-10");
    List<String> overdue = new ArrayList<>();
    report.get("overdue").forEach(e -> overdue.add(e.get("id").asText() + ":" + e.get("daysOverdue").asInt()));
    assertThat(overdue).containsExactly("alert-disk:40", "rotate-logs:21", "cap-cache:9");
    assertThat(report.get("dueSoon").get(0).get("title").asText()).isEqualTo(Fixtures.SCRIPT_TITLE);
    // Without asOf: today in the server's clock, as the CLI.
    assertThat(mapper.readTree(get("/api/report").body()).get("asOf").asText()).isEqualTo("2025-06-10");
    JsonNode earlier = mapper.readTree(get("/api/report?asOf=2025-05-15&dueSoonDays=30").body());
    assertThat(earlier.get("overdue")).hasSize(1);
    assertThat(earlier.get("summary").get("dueSoonDays").asInt()).isEqualTo(30);
  }

  @Test
  void apiItemsFiltersByOwnerAndStatus() throws Exception {
    JsonNode erin = mapper.readTree(get("/api/items?owner=@Erin").body());
    assertThat(erin.get("actionItems")).hasSize(1);
    assertThat(erin.get("actionItems").get(0).get("postmortemId").asText()).isEqualTo("2025-03-30-disk-full");
    JsonNode samDone = mapper.readTree(get("/api/items?owner=sam&status=done").body());
    assertThat(samDone.get("actionItems")).hasSize(2);
    assertThat(mapper.readTree(get("/api/items?owner=sam&status=OPEN,BLOCKED").body()).get("actionItems")).isEmpty();
    assertThat(mapper.readTree(get("/api/items").body()).get("actionItems")).hasSize(7);
    HttpResponse<String> bad = get("/api/items?status=LATE");
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(bad.body()).startsWith("status: expected OPEN");
    HttpResponse<String> badDay = get("/?asOf=tomorrow");
    assertThat(badDay.statusCode()).isEqualTo(400);
    assertThat(badDay.body()).isEqualTo("asOf: expected a date such as 2026-11-24, got 'tomorrow'\n");
  }

  @Test
  void eventsTellTheVersionOnConnectAndAfterEveryChange() throws Exception {
    HttpResponse<InputStream> stream = http.send(HttpRequest.newBuilder(URI.create(server.url("/api/events")))
        .header("Accept", "text/event-stream").timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofInputStream());
    assertThat(stream.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/event-stream");
    BufferedReader lines = new BufferedReader(new InputStreamReader(stream.body(), StandardCharsets.UTF_8));
    try {
      assertThat(nextEvent(lines)).containsExactlyInAnyOrder("event: version", "id: 1", "data: 1");
      server.changed();
      assertThat(nextEvent(lines)).containsExactlyInAnyOrder("event: version", "id: 2", "data: 2");
      assertThat(get("/api/version").body()).isEqualTo("{\"version\":2}\n");
    } finally {
      // The stream itself, not the reader: a reader still blocked in readLine holds the reader's lock.
      stream.body().close();
    }
  }

  /** The lines of the next event, read on another thread so that a missing event fails in seconds. */
  static List<String> nextEvent(BufferedReader lines) throws Exception {
    CompletableFuture<List<String>> next = new CompletableFuture<>();
    Thread reader = new Thread(() -> {
      List<String> event = new ArrayList<>();
      try {
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
          if (line.isEmpty() && !event.isEmpty()) {
            break;
          }
          if (!line.isEmpty() && !line.startsWith(":")) {
            event.add(line);
          }
        }
        next.complete(event);
      } catch (java.io.IOException e) {
        next.completeExceptionally(e);
      }
    }, "sse-reader");
    reader.setDaemon(true);
    reader.start();
    return next.get(10, TimeUnit.SECONDS);
  }

  @Test
  void theDashboardGroupsTeamsByTheServersLintSettings() throws Exception {
    QualityFixtures q = new QualityFixtures();
    try (TestServer configured = new TestServer(q.followthrough(QualityFixtures.LINT), Fixtures.CLOCK,
        QualityFixtures.LINT, new DashboardRoutes())) {
      String html = http.send(HttpRequest.newBuilder(URI.create(configured.url("/"))).timeout(Duration.ofSeconds(10))
          .build(), HttpResponse.BodyHandlers.ofString()).body();
      assertThat(html).contains("<td>payments</td><td class=\"num\">2</td><td class=\"num\">40</td>")
          .contains("<tr data-key=\"payments\"><td>payments</td><td class=\"num\">3</td>");
    }
  }
}
