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
import java.util.Arrays;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code verify --undo} and {@code recurrence confirm|dismiss --by} for any pair, followed by syncs and re-imports. */
class CorrectionsCliTest {
  static final String PM = "2025-02-03-queue-consumer-stalls";
  static final String ITEM_ID = "restart-stalled-consumers-automatically";
  static final String ITEM = PM + "/" + ITEM_ID;
  static final String EARLIER = "2024-09-12-badge-printer-jammed";

  @TempDir Path dir;
  InMemoryTracker tracker;
  Path document;
  Path earlier;
  String config;

  @BeforeEach
  void setUp() throws IOException {
    tracker = TestTrackerProvider.reset();
    document = Files.writeString(dir.resolve("2025-02-03-queue.md"), """
        # Queue consumer stalls

        Incident date: 2025-02-03

        ## Action items

        - [x] Restart stalled consumers automatically owner: @erin P2
        - [ ] Alert on consumer lag owner: @sam P2
        """);
    earlier = Files.writeString(dir.resolve("2024-09-12-badge.md"), """
        # Badge printer jammed

        Incident date: 2024-09-12

        ## Action items

        - [ ] Stock spare toner owner: @lee P4
        """);
    config = Files.writeString(dir.resolve("followthrough.yaml"), "store: " + dir.resolve("store") + "\n"
        + "tracker:\n  type: test-memory\n").toString();
  }

  private CliRunner.Result cli(String... args) {
    String[] all = Arrays.copyOf(args, args.length + 2);
    all[args.length] = "--config";
    all[args.length + 1] = config;
    CliRunner.Result result = run(all);
    assertThat(result.exit()).as(String.join(" ", args) + ": " + result.err()).isZero();
    return result;
  }

  private JsonNode item() {
    for (JsonNode i : JsonFormat.json().parseTree(cli("list", "--format", "json").out(), "list").get("actionItems")) {
      if (i.get("id").asText().equals(ITEM_ID)) {
        return i;
      }
    }
    throw new AssertionError("no item " + ITEM_ID);
  }

  private TicketSnapshot ticket() {
    String key = TicketKeys.of(PM, ITEM_ID);
    return tracker.tickets().stream().filter(t -> t.labels().contains(key)).findFirst().orElseThrow();
  }

  @Test
  void undoingAnIneffectiveVerdictMakesTheItemDoneAgainAndTheNextSyncClosesItsTicket() {
    cli("import", document.toString());
    cli("sync");
    cli("verify", ITEM, "--ineffective", "--by", "noor");
    cli("sync");
    assertThat(ticket().state()).isEqualTo(TicketState.OPEN);

    assertThat(cli("verify", ITEM, "--undo", "--by", "lee").out())
        .contains("Undid the ineffective verification of " + ITEM).contains("done again").contains("closes its ticket");
    cli("sync");
    assertThat(ticket().state()).isEqualTo(TicketState.DONE);
    assertThat(cli("import", document.toString()).out()).contains("0 new, 0 changed, 2 unchanged");
    JsonNode item = item();
    assertThat(item.get("status").asText()).isEqualTo("DONE");
    assertThat(item.get("verification").get("state").asText()).isEqualTo("PENDING");
    assertThat(item.get("history").toString()).contains("\"from\":\"INEFFECTIVE\",\"to\":\"PENDING\"")
        .contains("\"actor\":\"lee\"").contains("\"actor\":\"noor\"");
    // Nothing left to undo: a second undo is bad input, not a silent no-op.
    CliRunner.Result again = run("verify", ITEM, "--undo", "--config", config);
    assertThat(again.exit()).isEqualTo(FollowthroughCli.BAD_INPUT);
    assertThat(again.err()).contains("has no recorded verification to undo");
  }

  @Test
  void aRepeatTheDetectorMissedCanBeConfirmedAndDismissedWithWhoAndWhen() {
    cli("import", earlier.toString(), document.toString());
    assertThat(cli("recurrences").out()).contains("No incident is recorded as a repeat");
    assertThat(cli("recurrence", "confirm", PM, EARLIER, "--by", "noor").out())
        .contains("a pair the detector had not found").contains(PM + " as a repeat of " + EARLIER + ": confirmed.");
    cli("import", earlier.toString(), document.toString());
    JsonNode r = JsonFormat.json().parseTree(cli("recurrences", "--format", "json").out(), "r").get("recurrences").get(0);
    assertThat(r.get("recurrenceOf").asText()).isEqualTo(EARLIER);
    assertThat(r.get("status").asText()).isEqualTo("CONFIRMED");
    assertThat(r.get("settledBy").asText()).isEqualTo("noor");
    assertThat(r.get("settledAt").asText()).isNotBlank();
    cli("recurrence", "dismiss", PM, EARLIER, "--by", "lee");
    assertThat(cli("recurrences").out()).contains("DISMISSED").contains("lee");
    CliRunner.Result self = run("recurrence", "confirm", PM, PM, "--config", config);
    assertThat(self.exit()).isEqualTo(FollowthroughCli.BAD_INPUT);
    assertThat(self.err()).contains("cannot repeat itself");
  }
}
