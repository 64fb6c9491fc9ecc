package dev.followthrough.github;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.followthrough.cli.CliRunner;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code serve --config} hands the config's {@code lint.teams} to the dashboard: its overdue and
 * quality tables by team are {@code report}'s teams and counts. (In this package for {@link ServeProcess}.)
 */
class DashboardTeamsCliTest {
  @TempDir Path dir;
  final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @Test
  void theDashboardGroupsByTheConfigsLintTeams() throws Exception {
    Files.writeString(dir.resolve("pm.md"), "# Cache outage\n\n- Date: 2025-05-01\n\n## Action items\n\n"
        + "- [ ] Add an alert when the cache hit rate drops below 80% owner: @erin due: 2025-05-10\n"
        + "- [ ] Improve database monitoring owner: @sam due: 2025-05-12\n"
        + "- [ ] Add a test for the eviction path due: 2025-05-20\n");
    Path config = Files.writeString(dir.resolve("followthrough.yaml"), "store: " + dir.resolve("store")
        + "\nlint:\n  teams: {caching: [erin, '@sam']}\n");
    assertThat(CliRunner.run("import", dir.resolve("pm.md").toString(), "--config", config.toString()).exit()).isZero();
    CliRunner.Result report = CliRunner.run("report", "--format", "json", "--as-of", "2025-06-01", "--config",
        config.toString());
    JsonNode caching = new ObjectMapper().readTree(report.out()).at("/quality/byTeam/0");
    assertThat(caching.get("team").asText()).isEqualTo("caching");

    try (ServeProcess serve = new ServeProcess(dir, Map.of(), "--config", config.toString(), "--port", "0")) {
      URI base = serve.awaitListening();
      String html = http.send(HttpRequest.newBuilder(base.resolve("/?asOf=2025-06-01")).timeout(Duration.ofSeconds(20))
          .build(), HttpResponse.BodyHandlers.ofString()).body();
      // Without lint.teams neither erin nor sam would be in a team: no item of theirs is a team's.
      assertThat(html).contains("<tr><td>caching</td><td class=\"num\">2</td><td class=\"num\">22</td>")
          .contains("<tr data-key=\"caching\"><td>caching</td><td class=\"num\">" + caching.get("items").asLong()
              + "</td><td class=\"num\">" + caching.get("checked").asLong() + "</td><td class=\"num\">"
              + caching.get("withFindings").asLong() + "</td><td class=\"num\">"
              + String.format(java.util.Locale.ROOT, "%.1f%%", caching.get("findingRate").asDouble() * 100)
              + "</td><td class=\"num\">" + caching.get("withErrors").asLong() + "</td>");
      serve.stop();
    }
  }
}
