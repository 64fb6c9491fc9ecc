package dev.followthrough.cli;

import static dev.followthrough.cli.CliRunner.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.followthrough.core.json.JsonFormat;
import dev.followthrough.core.model.TicketKeys;
import dev.followthrough.core.tracker.InMemoryTracker;
import dev.followthrough.core.tracker.TicketSnapshot;
import dev.followthrough.core.tracker.TicketState;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a user records after an import (a verification, a ticket closed in the tracker) survives
 * importing the same, unchanged document again, from {@code import} and from {@code report PATH}.
 */
class RecordsSurviveReimportCliTest {
  static final String PM = "2025-02-03-queue-consumer-stalls";
  static final String ITEM_ID = "restart-stalled-consumers-automatically";
  static final String ITEM = PM + "/" + ITEM_ID;
  static final String DOCUMENT = """
      # Queue consumer stalls

      Incident date: 2025-02-03

      ## Action items

      - [x] Restart stalled consumers automatically owner: @erin P2
      - [ ] Alert on consumer lag owner: @sam P2
      """;

  @TempDir Path dir;
  InMemoryTracker tracker;
  Path document;

  @BeforeEach
  void setUp() throws IOException {
    tracker = TestTrackerProvider.reset();
    document = Files.writeString(dir.resolve("2025-02-03-queue.md"), DOCUMENT);
  }

  private String config(String policy) throws IOException {
    return Files.writeString(dir.resolve("followthrough.yaml"), "store: " + dir.resolve("store") + "\n"
        + "tracker:\n  type: test-memory\npolicy:\n  verifyDays: {P1: 0, P2: 0, P3: 0, P4: 0}\n" + policy).toString();
  }

  private CliRunner.Result cli(String config, String... args) {
    String[] all = java.util.Arrays.copyOf(args, args.length + 2);
    all[args.length] = "--config";
    all[args.length + 1] = config;
    CliRunner.Result result = run(all);
    assertThat(result.exit()).as(String.join(" ", args) + ": " + result.err()).isLessThan(2);
    return result;
  }

  private JsonNode item(String config, String itemId) {
    JsonNode items = JsonFormat.json().parseTree(cli(config, "list", "--format", "json").out(), "list").get("actionItems");
    for (JsonNode i : items) {
      if (i.get("id").asText().equals(itemId)) {
        return i;
      }
    }
    throw new AssertionError("no item " + itemId + " in " + items);
  }

  private TicketSnapshot ticket(String itemId) {
    String key = TicketKeys.of(PM, itemId);
    return tracker.tickets().stream().filter(t -> t.labels().contains(key)).findFirst().orElseThrow();
  }

  @Test
  void anIneffectiveVerificationSurvivesImportingTheUnchangedDocumentAgain() throws IOException {
    String config = config("");
    cli(config, "import", document.toString());
    cli(config, "sync");
    assertThat(ticket(ITEM_ID).state()).isEqualTo(TicketState.DONE);
    assertThat(cli(config, "verify", ITEM, "--ineffective", "--by", "noor").out()).contains("open again");
    cli(config, "sync");
    assertThat(ticket(ITEM_ID).state()).isEqualTo(TicketState.OPEN);

    CliRunner.Result again = cli(config, "import", document.toString());
    assertThat(again.out()).contains("0 new, 0 changed, 2 unchanged");
    assertThat(cli(config, "report", document.toString(), "--as-of", "2025-03-01").exit()).isLessThan(2);
    JsonNode item = item(config, ITEM_ID);
    assertThat(item.get("status").asText()).isEqualTo("OPEN");
    assertThat(item.get("verification").get("state").asText()).isEqualTo("INEFFECTIVE");
    assertThat(item.get("history").toString()).doesNotContain("\"origin\":\"DOCUMENT\"");
    cli(config, "sync");
    assertThat(ticket(ITEM_ID).state()).isEqualTo(TicketState.OPEN);
  }

  @Test
  void withFollowUpsTheVerdictAndTheFollowUpItemSurviveImportingAgain() throws IOException {
    String config = config("  ineffective: follow-up\n");
    cli(config, "import", document.toString());
    cli(config, "verify", ITEM, "--ineffective", "--evidence", "stalled twice since");

    CliRunner.Result again = cli(config, "import", document.toString());
    assertThat(again.out()).contains("0 new, 0 changed, 2 unchanged").doesNotContain("no longer in the document");
    assertThat(item(config, ITEM_ID).get("verification").get("state").asText()).isEqualTo("INEFFECTIVE");
    JsonNode followUp = item(config, ITEM_ID + "-follow-up");
    assertThat(followUp.get("missingFromSource").asBoolean()).isFalse();
    assertThat(followUp.get("status").asText()).isEqualTo("OPEN");
  }

  @Test
  void aTicketClosedInTheTrackerStaysClosedWhenTheDocumentStillSaysOpen() throws IOException {
    String config = config("");
    cli(config, "import", document.toString());
    cli(config, "sync");
    tracker.changeState(ticket("alert-on-consumer-lag").key(), TicketState.DONE);
    cli(config, "sync");
    assertThat(cli(config, "import", document.toString()).out()).contains("0 new, 0 changed, 2 unchanged");
    assertThat(item(config, "alert-on-consumer-lag").get("status").asText()).isEqualTo("DONE");
    cli(config, "sync");
    assertThat(ticket("alert-on-consumer-lag").state()).isEqualTo(TicketState.DONE);
  }
}
