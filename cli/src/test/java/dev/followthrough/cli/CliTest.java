package dev.followthrough.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.followthrough.core.json.JsonFormat;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CliTest {
  @TempDir Path dir;

  static CliRunner.Result run(String... args) {
    return CliRunner.run(args);
  }

  Path doc() throws IOException {
    return Files.writeString(dir.resolve("outage.md"), """
        # Disk full on build agents

        - Duration: 2025-05-01 10:00 to 2025-05-01 12:00 (UTC)
        - Impact: 20% of builds failed

        ## Action items

        - [ ] Alert on disk usage owner: @noor P1
        - [x] Clean old artifacts owner: @jonas
        - [ ] Write a runbook entry
        """);
  }

  String store() {
    return dir.resolve("store").toString();
  }

  @Test
  void helpAndVersionSucceedForTheToolAndEveryCommand() {
    assertThat(run("--help").exit()).isZero();
    assertThat(run("--help").out()).contains("parse", "import", "list", "report", "Exit codes");
    assertThat(run("--version").out()).startsWith("followthrough ");
    for (String command : new String[] {"parse", "import", "list", "report"}) {
      CliRunner.Result help = run(command, "--help");
      assertThat(help.exit()).as(command).isZero();
      assertThat(help.out()).as(command).contains("Usage: followthrough " + command);
      assertThat(run(command, "--version").exit()).as(command).isZero();
    }
  }

  @Test
  void usageErrorsExitWithTwoAndOneLineWithoutStackTrace() {
    CliRunner.Result unknown = run("frobnicate");
    assertThat(unknown.exit()).isEqualTo(2);
    assertThat(unknown.err()).contains("Unmatched argument").doesNotContain("\tat ");
    CliRunner.Result noCommand = run();
    assertThat(noCommand.exit()).isEqualTo(2);
    assertThat(run("list", "--format", "xml").exit()).isEqualTo(2);
    assertThat(run("report", "--group-by", "colour", "--store", store()).err()).contains("invalid value for --group-by");
  }

  @Test
  void parsePrintsTheContractJsonWithoutPolicy() throws IOException {
    CliRunner.Result r = run("parse", doc().toString(), "--format", "json");
    assertThat(r.exit()).isZero();
    JsonNode json = JsonFormat.json().parseTree(r.out(), "output");
    assertThat(json.get("schemaVersion").asInt()).isEqualTo(1);
    assertThat(json.get("id").asText()).isEqualTo("2025-05-01-disk-full-on-build-agents");
    assertThat(json.get("incident").get("durationMinutes").asInt()).isEqualTo(120);
    assertThat(json.get("actionItems")).hasSize(3);
    assertThat(json.get("actionItems").get(2).get("dueDate").isNull()).isTrue();
    assertThat(json.get("actionItems").get(2).get("priority").isNull()).isTrue();
    assertThat(json.has("diagnostics")).isTrue();
  }

  @Test
  void parseOfAnUnreadableFileExitsTwoNamingIt() throws IOException {
    Path binary = Files.write(dir.resolve("x.md"), new byte[] {0, 1, 2});
    CliRunner.Result r = run("parse", binary.toString());
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).isEqualTo("followthrough: " + binary + ": is not a text file (it contains binary data)\n");
  }

  @Test
  void importThenListShowsItemsWithThePolicyApplied() throws IOException {
    CliRunner.Result imported = run("import", doc().toString(), "--store", store());
    assertThat(imported.exit()).as(imported.err()).isZero();
    assertThat(imported.out()).contains("imported", "3 action items");
    CliRunner.Result list = run("list", "--format", "json", "--store", store());
    JsonNode items = JsonFormat.json().parseTree(list.out(), "output").get("actionItems");
    assertThat(items).hasSize(3);
    assertThat(items.get(0).get("postmortemId").asText()).isEqualTo("2025-05-01-disk-full-on-build-agents");
    assertThat(items.get(0).get("dueDate").asText()).isEqualTo("2025-05-15");
    assertThat(items.get(2).get("priority").asText()).isEqualTo("P3");
    assertThat(items.get(2).get("dueDate").asText()).isEqualTo("2025-06-26");

    CliRunner.Result open = run("list", "--status", "OPEN", "--owner", "@noor", "--store", store());
    assertThat(open.out()).contains("Alert on disk usage").doesNotContain("Clean old artifacts");

    CliRunner.Result again = run("import", doc().toString(), "--store", store());
    assertThat(again.out()).contains("updated", "3 unchanged");
  }

  @Test
  void damagedStoreIsReportedByNameWithExitTwo() throws IOException {
    run("import", doc().toString(), "--store", store());
    Path record = Files.list(dir.resolve("store/postmortems")).findFirst().orElseThrow();
    Files.writeString(record, "{\"schemaVersion\": 1, \"vers");
    CliRunner.Result r = run("list", "--store", store());
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains(record.toString()).contains("damaged").doesNotContain("\tat ");
  }

  @Test
  void reportImportsPathsAndPrintsEveryFormat() throws IOException {
    Path doc = doc();
    CliRunner.Result json = run("report", doc.toString(), "--as-of", "2025-06-20", "--format", "json", "--store", store());
    assertThat(json.exit()).as(json.err()).isZero();
    JsonNode report = JsonFormat.json().parseTree(json.out(), "output");
    assertThat(report.get("asOf").asText()).isEqualTo("2025-06-20");
    assertThat(report.get("overdue")).hasSize(1);
    assertThat(report.get("overdue").get(0).get("daysOverdue").asInt()).isEqualTo(36);
    assertThat(report.get("dueSoon")).singleElement().satisfies(e -> assertThat(e.get("daysOverdue").asInt()).isEqualTo(-6));
    assertThat(report.get("unowned")).hasSize(1);
    for (String format : new String[] {"text", "markdown", "csv", "html"}) {
      CliRunner.Result r = run("report", "--as-of", "2025-06-20", "--format", format, "--store", store());
      assertThat(r.exit()).as(format).isZero();
      assertThat(r.out()).as(format).contains("Alert on disk usage");
    }
    Path out = dir.resolve("report.html");
    assertThat(run("report", "--format", "html", "--output", out.toString(), "--store", store()).exit()).isZero();
    assertThat(Files.readString(out)).startsWith("<!DOCTYPE html>");
  }

  @Test
  void reportToAnUnwritableOutputIsAUsageErrorNamingThePath() {
    String target = dir.resolve("no-such-dir").resolve("r.txt").toString();
    CliRunner.Result r = run("report", "--output", target, "--store", store());
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains(target).doesNotContain("internal error").doesNotContain("\tat ");
  }

  @Test
  void reportOfAMissingPathExitsTwo() {
    CliRunner.Result r = run("report", dir.resolve("nope").toString(), "--store", store());
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("nope: no such file or directory");
  }

  @Test
  void importAppliesThePolicyOfTheConfigFile() throws IOException {
    Path config = Files.writeString(dir.resolve("ft.yaml"),
        "store: " + store() + "\npolicy:\n  dueDays: {P3: 10}\n  defaultPriority: P3\n");
    assertThat(run("import", doc().toString(), "--config", config.toString()).exit()).isZero();
    JsonNode items = JsonFormat.json().parseTree(
        run("list", "--format", "json", "--config", config.toString()).out(), "output").get("actionItems");
    assertThat(items.get(2).get("dueDate").asText()).isEqualTo("2025-05-11");
  }

  @Test
  void invalidConfigExitsTwoListingEveryProblem() throws IOException {
    Path config = Files.writeString(dir.resolve("bad.yaml"), "stor: x\npolicy: {defaultPriority: P7}\n");
    CliRunner.Result r = run("list", "--config", config.toString());
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("bad.yaml", "stor: unknown key", "policy.defaultPriority").doesNotContain("\tat ");
  }
}
