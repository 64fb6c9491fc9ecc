package dev.followthrough.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LintCliTest {
  @TempDir Path dir;

  record Run(int code, String out, String err) {}

  private Run lint(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    String[] all = new String[args.length + 1];
    all[0] = "lint";
    System.arraycopy(args, 0, all, 1, args.length);
    int code = FollowthroughCli.run(all, new PrintWriter(out), new PrintWriter(err));
    return new Run(code, out.toString(), err.toString());
  }

  private Path document(String items) throws Exception {
    Path file = dir.resolve("pm.md");
    Files.writeString(file, "# Cache outage\n\n## Action items\n\n" + items);
    return file;
  }

  @Test
  void aVagueItemIsAWarningOnItsLineAndFailsOnlyAtWarningLevel() throws Exception {
    Path file = document("- [ ] Add an alert when cache hit rate drops below 80% owner: @erin due: 2026-01-10\n"
        + "- [ ] Improve database monitoring owner: @erin due: 2026-01-10\n");
    Run text = lint(file.toString());
    assertThat(text.out()).contains(":6: warning vague").doesNotContain(":5: warning vague");
    assertThat(text.code()).isZero();
    assertThat(lint(file.toString(), "--fail-on", "warning").code()).isEqualTo(1);
  }

  @Test
  void anUnownedItemIsAnErrorInEveryFormat() throws Exception {
    Path file = document("- [ ] Add an alert when the pool is 90% used due: 2026-01-10\n");
    assertThat(lint(file.toString()).code()).isEqualTo(1);
    assertThat(lint(file.toString(), "--format", "github").out())
        .contains("::error file=" + file.toString().replace(":", "%3A") + ",line=5,title=no-owner::");
    JsonNode json = new ObjectMapper().readTree(lint(file.toString(), "--format", "json").out());
    assertThat(json.at("/findings").findValuesAsText("rule")).contains("no-owner");
    JsonNode sarif = new ObjectMapper().readTree(lint(file.toString(), "--format", "sarif").out());
    assertThat(sarif.get("version").asText()).isEqualTo("2.1.0");
    JsonNode result = sarif.at("/runs/0/results/0");
    assertThat(result.get("ruleId").asText()).isEqualTo("no-owner");
    assertThat(result.at("/locations/0/physicalLocation/region/startLine").asInt()).isEqualTo(5);
  }

  @Test
  void aMissingPathIsBadInput() {
    Run run = lint(dir.resolve("missing.md").toString());
    assertThat(run.code()).isEqualTo(2);
    assertThat(run.err()).contains("missing.md").doesNotContain("Exception");
  }

  @Test
  void theConfigSwitchesARuleOffAndRaisesAnotherToError() throws Exception {
    Path file = document("- [ ] Improve database monitoring due: 2026-01-10\n");
    Path config = dir.resolve("followthrough.yaml");
    Files.writeString(config, "lint:\n  rules: {no-owner: off, vague: error}\n");
    Run run = lint(file.toString(), "--config", config.toString());
    assertThat(run.out()).as(run.err()).contains("error vague").doesNotContain("no-owner");
    assertThat(run.code()).isEqualTo(1);
    Files.writeString(config, "lint:\n  rules: {vagueness: error}\n");
    Run bad = lint(file.toString(), "--config", config.toString());
    assertThat(bad.code()).isEqualTo(2);
    assertThat(bad.err()).contains("lint.rules.vagueness");
  }
}
