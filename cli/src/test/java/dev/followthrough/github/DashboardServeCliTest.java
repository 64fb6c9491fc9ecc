package dev.followthrough.github;

import static org.assertj.core.api.Assertions.assertThat;

import dev.followthrough.cli.CliRunner;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The dashboard as {@code followthrough serve} runs it (its own JVM, the dashboard module found
 * through the ServerRoutes service file): {@code /api/report} byte for byte what {@code report
 * --format json} prints, and a page that sees an {@code import} made by another process.
 * (In this package for {@link ServeProcess}.)
 */
class DashboardServeCliTest {
  @TempDir Path dir;
  final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  HttpResponse<byte[]> get(URI base, String path) throws Exception {
    return http.send(HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(20)).build(),
        HttpResponse.BodyHandlers.ofByteArray());
  }

  @Test
  void apiReportIsByteForByteTheReportJsonAndPagesSeeAnImport() throws Exception {
    Path store = dir.resolve("store");
    Path samples = Path.of("../samples/postmortems").toAbsolutePath().normalize();
    assertThat(CliRunner.run("import", samples.toString(), "--store", store.toString()).exit()).isZero();
    CliRunner.Result report = CliRunner.run("report", "--format", "json", "--as-of", "2026-11-24", "--store", store.toString());
    assertThat(report.exit()).isZero();
    CliRunner.Result soon = CliRunner.run("report", "--format", "json", "--as-of", "2025-03-01", "--due-soon-days", "30",
        "--store", store.toString());

    try (ServeProcess serve = new ServeProcess(dir, Map.of(), "--store", store.toString(), "--port", "0")) {
      URI base = serve.awaitListening();
      HttpResponse<byte[]> api = get(base, "/api/report?asOf=2026-11-24");
      assertThat(api.statusCode()).isEqualTo(200);
      assertThat(api.body()).isEqualTo(report.out().getBytes(StandardCharsets.UTF_8));
      assertThat(get(base, "/api/report?asOf=2025-03-01&dueSoonDays=30").body())
          .isEqualTo(soon.out().getBytes(StandardCharsets.UTF_8));
      CliRunner.Result list = CliRunner.run("list", "--format", "json", "--owner", "dmitri", "--store", store.toString());
      assertThat(get(base, "/api/items?owner=dmitri").body()).isEqualTo(list.out().getBytes(StandardCharsets.UTF_8));

      HttpResponse<byte[]> page = get(base, "/?asOf=2026-11-24");
      assertThat(page.headers().firstValue("Content-Security-Policy").orElseThrow()).startsWith("default-src 'none'");
      String html = new String(page.body(), StandardCharsets.UTF_8);
      assertThat(html).contains("Follow-through as of 2026-11-24").contains("id=\"overdue-by-team\"");
      long before = version(base);

      // Another process imports a postmortem; the server sees the store change and says so.
      Path doc = Files.writeString(dir.resolve("2026-11-30-queue-full.md"), """
          # Queue full on the billing workers

          ## Action items
          - [ ] Alert when the billing queue passes 10,000 messages owner: @ines due: 2026-11-21 P2
          """);
      assertThat(CliRunner.run("import", doc.toString(), "--store", store.toString()).exit()).isZero();
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (version(base) == before && System.nanoTime() < deadline) {
        Thread.sleep(100);
      }
      assertThat(version(base)).isGreaterThan(before);
      assertThat(new String(get(base, "/?asOf=2026-11-24").body(), StandardCharsets.UTF_8))
          .contains("Alert when the billing queue passes 10,000 messages");
      serve.stop();
    }
  }

  long version(URI base) throws Exception {
    String body = new String(get(base, "/api/version").body(), StandardCharsets.UTF_8);
    return Long.parseLong(body.replaceAll("[^0-9]", ""));
  }
}
