package dev.followthrough.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Help that reads whole, suggestions for typos, and option errors in the user's words. */
class PlainWordsCliTest {
  @Test
  void everyCommandSummaryInTheHelpIsOneWholeSentence() {
    CliRunner.Result help = CliRunner.run("--help");
    List<String> lines = help.out().lines().toList();
    int from = lines.indexOf("Commands:");
    assertThat(from).isPositive();
    for (String line : lines.subList(from + 1, lines.size())) {
      if (line.isBlank()) {
        break;
      }
      assertThat(line).as("a summary continued on another line").startsWith("  ").doesNotStartWith("      ");
      assertThat(line.strip()).as("a whole sentence").endsWith(".");
    }
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"lsit, list", "reprot, report", "snyc, sync", "'report --as-fo', --as-of"})
  void aMistypedCommandGetsASuggestion(String typed, String meant) {
    CliRunner.Result r = CliRunner.run(typed.split(" "));
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("Did you mean").contains(meant);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "2025-13-01|--as-of: 2025-13-01 is not a date (expected YYYY-MM-DD; month 13 does not exist)",
      "2025-02-30|--as-of: 2025-02-30 is not a date (expected YYYY-MM-DD; February 2025 has 28 days)",
      "yesterday|--as-of: yesterday is not a date (expected YYYY-MM-DD, such as 2025-07-01)"})
  void aDateThatIsNotOneIsNamedInPlainWords(String value, String message) {
    for (String command : List.of("report", "list")) {
      CliRunner.Result r = CliRunner.run(command, "--as-of", value, "--store", "/nonexistent-store-for-a-usage-test");
      assertThat(r.exit()).as(command).isEqualTo(2);
      assertThat(r.err()).as(command).contains(message).doesNotContain("java.time").doesNotContain("Exception");
    }
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"sync", "schedule"})
  void aDurationThatIsNotOneIsNamedInPlainWords(String command) {
    String option = command.equals("sync") ? "--time-budget" : "--every";
    CliRunner.Result r = CliRunner.run(command, option, "ten minutes");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains(option + ": 'ten minutes' is not a duration").doesNotContain("Exception");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"bash", "zsh"})
  void aCompletionScriptCompletesCommandsAndTheirOptions(String shell) throws Exception {
    CliRunner.Result r = CliRunner.run("completion", shell);
    assertThat(r.exit()).isZero();
    if (shell.equals("bash")) {
      // Sourced by a real bash, the script offers the commands for a word typed so far.
      java.nio.file.Path script = java.nio.file.Files.createTempFile("followthrough", ".bash");
      java.nio.file.Files.writeString(script, r.out());
      Process bash = new ProcessBuilder("bash", "-c", "source " + script + " && COMP_WORDS=(followthrough re) COMP_CWORD=1"
          + " && _complete_followthrough && printf '%s\\n' \"${COMPREPLY[@]}\"").redirectErrorStream(true).start();
      String offered = new String(bash.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
      assertThat(bash.waitFor()).as(offered).isZero();
      assertThat(offered.lines()).contains("report", "recurrence", "recurrences");
      java.nio.file.Files.delete(script);
    }
    assertThat(r.out()).contains("complete -F").contains("sync").contains("report").contains("--as-of");
    if (shell.equals("zsh")) {
      assertThat(r.out()).startsWith("autoload -U +X bashcompinit");
    }
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "list --status CLOSED|--status: 'CLOSED' is not one of OPEN, IN_PROGRESS, BLOCKED, DONE, WONT_DO",
      "list --format xml|--format: 'xml' is not one of json, text",
      "list --verification later|--verification: 'later' is not one of pending, overdue, effective, ineffective",
      "parse x.md --format yaml|--format: 'yaml' is not one of json, text",
      "recurrences --format csv|--format: 'csv' is not one of json, text",
      "lint x.md --fail-on fatal|--fail-on: 'fatal' is not one of warning, error",
      "completion fish|'fish' is not one of bash, zsh",
      "report --format pdf|--format: 'pdf' (expected text, markdown, csv, json, html)",
      "report --group-by team|--group-by: 'team' (expected owner, postmortem, priority)",
      "report --due-soon-days seven|--due-soon-days: 'seven' is not a whole number",
      "report --due-soon-days 99999999999|--due-soon-days: '99999999999' is not a whole number",
      "report --due-soon-days -1|--due-soon-days must not be negative",
      "schedule --every 1h --max-runs many|--max-runs: 'many' is not a whole number",
      "schedule --every 1h --max-runs 0|--max-runs must be at least 1",
      "schedule --every 1h --jitter soon|--jitter: 'soon' is not a duration (use e.g. 90s, 15m, 2h, 1d or PT15M)",
      "init --tracker trello|--tracker: 'trello' is not one of jira, github, gitlab",
      "parse /nonexistent-dir-for-a-usage-test/pm.md|/nonexistent-dir-for-a-usage-test/pm.md"})
  void everyOptionErrorIsInPlainWords(String typed, String message) {
    boolean usesAStore = typed.startsWith("report") || typed.startsWith("list") || typed.startsWith("schedule");
    CliRunner.Result r = CliRunner.run((typed + (usesAStore ? " --store /nonexistent-store-for-a-usage-test" : "")).split(" "));
    assertThat(r.exit()).as(r.err()).isEqualTo(2);
    assertThat(r.err()).contains(message).doesNotContain("Exception").doesNotContain("java.").doesNotContain("case-sensitive")
        .doesNotContain(" int").doesNotContain("\tat ");
  }
}
