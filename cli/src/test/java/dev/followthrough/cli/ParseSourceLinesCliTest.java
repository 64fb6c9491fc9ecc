package dev.followthrough.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.followthrough.core.json.JsonFormat;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every item and entry says the line it came from; {@code --explain} says which rule took it. */
class ParseSourceLinesCliTest {
  @TempDir Path dir;

  Path doc() throws IOException {
    return Files.writeString(dir.resolve("outage.md"), """
        # Disk full on build agents

        Incident date: 2025-05-01

        ## Timeline

        - 10:00 UTC builds start failing
        - 11:55 UTC old artifacts removed, builds pass again

        ## Action items

        - [ ] Alert on disk usage owner: @noor P1
        - [x] Clean old artifacts owner: @jonas

        ## Lessons learned

        Add a check for free space before each build, someone said.
        """);
  }

  @Test
  void jsonCarriesTheSourceLineOfEveryEntryAndItem() throws IOException {
    CliRunner.Result r = CliRunner.run("parse", doc().toString(), "--format", "json");
    assertThat(r.exit()).as(r.err()).isZero();
    JsonNode json = JsonFormat.json().parseTree(r.out(), "output");
    assertThat(json.get("schemaVersion").asInt()).isEqualTo(1);
    assertThat(json.get("timeline").get(0).get("line").asInt()).isEqualTo(7);
    assertThat(json.get("timeline").get(1).get("line").asInt()).isEqualTo(8);
    assertThat(json.get("actionItems").get(0).get("line").asInt()).isEqualTo(12);
    assertThat(json.get("actionItems").get(1).get("line").asInt()).isEqualTo(13);
  }

  @Test
  void textShowsLinesWhenAsked() throws IOException {
    String plain = CliRunner.run("parse", doc().toString()).out();
    assertThat(plain).doesNotContain("LINE");
    String withLines = CliRunner.run("parse", doc().toString(), "--lines").out();
    assertThat(withLines).contains("LINE");
    assertThat(withLines.lines().filter(l -> l.contains("Alert on disk usage"))).singleElement()
        .satisfies(l -> assertThat(l.strip()).startsWith("12 "));
  }

  @Test
  void explainSaysWhichRuleTookEachLineAndWhatLookedTakenButWasNot() throws IOException {
    CliRunner.Result r = CliRunner.run("parse", doc().toString(), "--explain");
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).contains("LINE")
        .contains("line 7: info: explain: timeline entry at 2025-05-01T10:00:00Z (OTHER) taken from a list item under 'Timeline'")
        .contains("line 12: info: explain: action item 'Alert on disk usage' taken from a task-list item under 'Action items'")
        .contains("line 17: info: explain: line under 'Lessons learned' (read as lessons) looks like an action but was not taken");
    JsonNode json = JsonFormat.json().parseTree(
        CliRunner.run("parse", doc().toString(), "--explain", "--format", "json").out(), "output");
    assertThat(json.get("diagnostics").findValuesAsText("message")).anyMatch(m -> m.startsWith("explain: action item"));
  }

  @Test
  void htmlPagesAreParsedAndImportedLikeMarkdown() throws IOException {
    Path page = Files.writeString(dir.resolve("wiki-page.html"), """
        <html><body>
        <h1>Disk full on build agents</h1>
        <p>Incident date: 2025-05-01</p>
        <h2>Action items</h2>
        <ul><li><input type="checkbox"> Alert on disk usage owner: @noor P1</li></ul>
        </body></html>
        """);
    CliRunner.Result parsed = CliRunner.run("parse", page.toString(), "--format", "json");
    assertThat(parsed.exit()).as(parsed.err()).isZero();
    JsonNode item = JsonFormat.json().parseTree(parsed.out(), "output").get("actionItems").get(0);
    assertThat(item.get("title").asText()).isEqualTo("Alert on disk usage");
    assertThat(item.get("owner").asText()).isEqualTo("noor");
    assertThat(item.get("line").asInt()).isEqualTo(5);
    CliRunner.Result imported = CliRunner.run("import", dir.toString(), "--store", dir.resolve("store").toString());
    assertThat(imported.exit()).as(imported.err()).isZero();
    assertThat(imported.out()).contains("1 action item");
  }
}
