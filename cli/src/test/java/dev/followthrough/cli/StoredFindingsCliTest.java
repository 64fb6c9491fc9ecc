package dev.followthrough.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** parse, import, list and report show the stored findings, with the config's lint: levels and teams. */
class StoredFindingsCliTest {
  @TempDir Path dir;

  static final String DOC = "# Cache outage\n\n- Date: 2025-05-01\n\n## Action items\n\n"
      + "- [ ] Add an alert when the cache hit rate drops below 80% owner: @erin due: 2025-05-10\n"
      + "- [ ] Improve database monitoring owner: @sam due: 2025-05-12\n"
      + "- [ ] Add a test for the eviction path due: 2025-05-20\n";

  private CliRunner.Result cli(String... args) {
    return CliRunner.run(args);
  }

  private Path setUp() throws Exception {
    Files.writeString(dir.resolve("pm.md"), DOC);
    Path config = dir.resolve("followthrough.yaml");
    Files.writeString(config, "store: " + dir.resolve("store") + "\nlint:\n  rules: {no-criterion: off, vague: error}\n"
        + "  teams: {caching: [erin, '@sam']}\n");
    return config;
  }

  @Test
  void parseShowsFindingsAtTheConfiguredLevels() throws Exception {
    Path config = setUp();
    CliRunner.Result parse = cli("parse", dir.resolve("pm.md").toString(), "--format", "json", "--config",
        config.toString());
    assertThat(parse.exit()).as(parse.err()).isZero();
    JsonNode items = new ObjectMapper().readTree(parse.out()).get("actionItems");
    assertThat(items.get(0).get("quality")).isEmpty();
    assertThat(items.get(1).get("quality").findValuesAsText("rule")).containsExactly("vague", "unbounded");
    assertThat(items.get(1).get("quality").get(0).get("level").asText()).isEqualTo("ERROR");
    assertThat(items.get(2).get("quality").findValuesAsText("rule")).containsExactly("no-owner");
    CliRunner.Result standard = cli("parse", dir.resolve("pm.md").toString(), "--format", "json", "--config",
        dir.resolve("none.yaml").toString());
    assertThat(standard.exit()).isEqualTo(2);
    assertThat(standard.err()).contains("none.yaml").doesNotContain("Exception");
  }

  @Test
  void importStoresThemListShowsThemAndEveryReportFormatCountsThem() throws Exception {
    Path config = setUp();
    CliRunner.Result imported = cli("import", dir.resolve("pm.md").toString(), "--config", config.toString());
    assertThat(imported.exit()).as(imported.err()).isZero();
    CliRunner.Result list = cli("list", "--format", "json", "--config", config.toString());
    JsonNode items = new ObjectMapper().readTree(list.out()).get("actionItems");
    assertThat(items.get(1).get("quality").findValuesAsText("rule")).containsExactly("vague", "unbounded");
    assertThat(items.get(2).get("quality").findValuesAsText("rule")).containsExactly("no-owner");

    String[] report = {"report", "--as-of", "2025-06-01", "--config", config.toString(), "--format"};
    assertThat(run(report, "text")).contains("Action item quality: 2 of 3 checked items have findings (66.7%), "
        + "2 an error (66.7%)").containsPattern("(?m)^  caching +2 +2 +1 +50\\.0% +1 +50\\.0%$");
    assertThat(run(report, "markdown")).contains("| caching | 2 | 2 | 1 | 50.0% | 1 | 50.0% |")
        .contains("| (no owner) | 1 | 1 | 1 | 100.0% | 1 | 100.0% |");
    assertThat(run(report, "csv")).contains("\r\nqualityByTeam,,,,,,,,,,caching,2,2,1,1,0.5,0.5\r\n");
    assertThat(run(report, "html")).contains("id=\"quality-by-postmortem\"").contains("<td>caching</td>");
    JsonNode json = new ObjectMapper().readTree(run(report, "json"));
    assertThat(json.at("/quality/byTeam/0/team").asText()).isEqualTo("caching");
    assertThat(json.at("/quality/byPostmortem/0/withErrors").asLong()).isEqualTo(2);
    assertThat(json.at("/summary/itemErrorRate").asDouble()).isEqualTo(2 / 3.0);
    assertThat(json.get("overdue")).isNotEmpty();
  }

  private String run(String[] report, String format) {
    String[] args = java.util.Arrays.copyOf(report, report.length + 1);
    args[report.length] = format;
    CliRunner.Result r = cli(args);
    assertThat(r.exit()).as(r.err()).isZero();
    return r.out();
  }
}
