package dev.followthrough.cli;

import static dev.followthrough.cli.CliTest.run;
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
import java.time.LocalDate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole loop from the command line: import, sync, close in the tracker, verification due and
 * asked for on the ticket once, verify ineffective, the ticket reopens, and a second incident
 * flagged as a repeat of the first, confirmed and counted in the report.
 */
class EffectivenessLoopCliTest {
  static final String EARLIER = "2025-01-10-orders-api-deadlock";
  static final String LATER = "2025-03-02-invoice-run-stalls-on-deadlocks";
  static final String ITEM = EARLIER + "/lock-rows-in-one-fixed-order-in-every-writer";

  @TempDir Path dir;
  InMemoryTracker tracker;
  String config;

  @BeforeEach
  void setUp() throws IOException {
    tracker = TestTrackerProvider.reset();
    // Verification falls due on the day an item is done, so that one sync shows the whole step.
    config = Files.writeString(dir.resolve("followthrough.yaml"), "store: " + dir.resolve("store") + "\n"
        + "tracker:\n  type: test-memory\npolicy:\n  verifyDays: {P1: 0, P2: 0, P3: 0, P4: 0}\n").toString();
    Path docs = Files.createDirectories(dir.resolve("docs"));
    for (String name : new String[] {"2025-01-10-orders-deadlock.md", "2025-03-02-invoice-deadlock.md"}) {
      try (var in = getClass().getResourceAsStream("/loop/" + name)) {
        Files.write(docs.resolve(name), in.readAllBytes());
      }
    }
    assertThat(cli("import", docs.toString()).exit()).isZero();
  }

  CliRunner.Result cli(String... args) {
    String[] all = java.util.Arrays.copyOf(args, args.length + 2);
    all[args.length] = "--config";
    all[args.length + 1] = config;
    return run(all);
  }

  TicketSnapshot ticket(String postmortemId, String itemId) {
    String key = TicketKeys.of(postmortemId, itemId);
    return tracker.tickets().stream().filter(t -> t.labels().contains(key)).findFirst().orElseThrow();
  }

  @Test
  void closeVerifyReopenAndARepeatedIncident() {
    assertThat(cli("sync").exit()).isZero();
    TicketSnapshot ticket = ticket(EARLIER, "lock-rows-in-one-fixed-order-in-every-writer");
    tracker.changeState(ticket.key(), TicketState.DONE);

    CliRunner.Result closed = cli("sync");
    assertThat(closed.exit()).as(closed.err()).isZero();
    assertThat(closed.out()).contains("1 asked for verification");
    assertThat(tracker.comments(ticket.key())).singleElement().asString()
        .contains("Criterion: no deadlock reported by the database for 30 days")
        .contains("followthrough verify " + ITEM);
    assertThat(cli("sync").out()).doesNotContain("asked for verification");
    assertThat(tracker.comments(ticket.key())).hasSize(1);

    assertThat(cli("list", "--verification", "pending").out()).contains(ITEM.substring(EARLIER.length() + 1))
        .contains("PENDING");
    assertThat(cli("list", "--verification", "overdue", "--as-of", LocalDate.now().plusDays(1).toString()).out())
        .contains("lock-rows-in-one-fixed-order-in-every-writer");
    JsonNode due = JsonFormat.json().parseTree(cli("report", "--format", "json", "--as-of",
        LocalDate.now().plusDays(3).toString()).out(), "output");
    assertThat(due.get("verificationDue")).hasSize(1);
    assertThat(due.get("verificationDue").get(0).get("daysOverdue").asInt()).isEqualTo(3);
    assertThat(due.get("summary").get("verificationRate").asDouble()).isZero();

    CliRunner.Result verified = cli("verify", ITEM, "--ineffective", "--evidence", "https://db.example.com/deadlocks",
        "--by", "noor");
    assertThat(verified.exit()).as(verified.err()).isZero();
    assertThat(verified.out()).contains("open again");
    assertThat(cli("list", "--verification", "ineffective").out()).contains("INEFFECTIVE");
    assertThat(cli("sync").exit()).isZero();
    assertThat(ticket(EARLIER, "lock-rows-in-one-fixed-order-in-every-writer").state()).isEqualTo(TicketState.OPEN);

    JsonNode recurrences = JsonFormat.json().parseTree(cli("recurrences", "--format", "json").out(), "output").get("recurrences");
    assertThat(recurrences).singleElement().satisfies(r -> {
      assertThat(r.get("postmortemId").asText()).isEqualTo(LATER);
      assertThat(r.get("recurrenceOf").asText()).isEqualTo(EARLIER);
      assertThat(r.get("status").asText()).isEqualTo("SUSPECTED");
      assertThat(r.get("sharedTerms").toString()).contains("deadlock");
      assertThat(r.get("earlierItems").get("open").asInt()).isEqualTo(2);
    });
    assertThat(cli("recurrence", "confirm", LATER, EARLIER).exit()).isZero();
    JsonNode report = JsonFormat.json().parseTree(cli("report", "--format", "json", "--as-of", "2025-06-01").out(), "output");
    assertThat(report.get("recurrences").get(0).get("status").asText()).isEqualTo("CONFIRMED");
    assertThat(report.get("summary").get("recurrenceRate").asDouble()).isEqualTo(0.5);
    assertThat(report.get("summary").get("effectiveRate").asDouble()).isZero();
    assertThat(report.get("openItemsOfRecurredIncidents")).hasSize(2);
    assertThat(cli("report", "--as-of", "2025-06-01").out()).contains("Incidents that happened again")
        .contains(LATER + " repeats " + EARLIER + " (confirmed");
  }

  @Test
  void badVerifyInputIsAClearErrorWithExitCodeTwo() {
    CliRunner.Result notDone = cli("verify", ITEM, "--effective");
    assertThat(notDone.exit()).isEqualTo(FollowthroughCli.BAD_INPUT);
    assertThat(notDone.err()).contains("only a done item awaiting verification can be verified").doesNotContain("Exception");
    assertThat(cli("verify", ITEM).exit()).isEqualTo(FollowthroughCli.BAD_INPUT);
    assertThat(cli("verify", ITEM, "--effective", "--ineffective").exit()).isEqualTo(FollowthroughCli.BAD_INPUT);
    assertThat(cli("verify", "no-slash", "--effective").err()).contains("ITEM must be <postmortem-id>/<item-id>");
    CliRunner.Result unknown = cli("recurrence", "dismiss", LATER, "2020-01-01-nothing");
    assertThat(unknown.exit()).isEqualTo(FollowthroughCli.BAD_INPUT);
    assertThat(unknown.err()).contains("no postmortem 2020-01-01-nothing in store");
  }

  @Test
  void onTheSamplesTheRepeatedStampedeIsFlaggedAndADoneItemIsAskedForVerification() {
    Path samples = Path.of("../samples/postmortems").toAbsolutePath().normalize();
    assertThat(cli("import", samples.toString()).exit()).isZero();
    JsonNode recurrences = JsonFormat.json().parseTree(cli("recurrences", "--format", "json").out(), "output").get("recurrences");
    String later = "2026-11-20-category-pages-time-out-after-a-cache-flush";
    assertThat(recurrences).anySatisfy(r -> {
      assertThat(r.get("postmortemId").asText()).isEqualTo(later);
      assertThat(r.get("recurrenceOf").asText()).isEqualTo("2023-11-08-product-page-cache-stampede");
      assertThat(r.get("sharedTerms").toString()).contains("cache stampede");
    });
    CliRunner.Result sync = cli("sync");
    assertThat(sync.exit()).as(sync.err()).isZero();
    String item = "refuse-manual-cache-flushes-outside-the-night";
    TicketSnapshot done = ticket(later, item);
    assertThat(done.state()).isEqualTo(TicketState.DONE);
    assertThat(tracker.comments(done.key())).singleElement().asString().contains("Verification due");
    assertThat(cli("verify", later + "/" + item, "--ineffective", "--evidence", "flushes still run at noon").exit()).isZero();
    assertThat(cli("sync").exit()).isZero();
    assertThat(ticket(later, item).state()).isEqualTo(TicketState.OPEN);
  }
}
