package dev.followthrough.cli;

import static dev.followthrough.cli.CliTest.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.followthrough.core.tracker.InMemoryTracker;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Due dates by severity in business days, and reminders before due dates, from the command line. */
class DeadlinesCliTest {
  @TempDir Path dir;
  InMemoryTracker tracker;

  @BeforeEach
  void setUp() {
    tracker = TestTrackerProvider.reset();
  }

  @Test
  void dueDatesBySeverityInUsBusinessDays() throws Exception {
    Path config = Files.writeString(dir.resolve("followthrough.yaml"), "store: " + dir.resolve("store") + """

        policy:
          dueDays:
            SEV1: {P1: 7}
          businessDays: true
          holidays: US
        """);
    Path doc = Files.writeString(dir.resolve("pm.md"), """
        # Checkout errors

        - Severity: SEV1
        - Duration: 2026-06-30 10:00 to 2026-06-30 12:00 (UTC)

        ## Action items

        - [ ] Alert on checkout errors owner: @erin P1
        - [ ] Add a canary for payments owner: @sam P2
        """);
    assertThat(run("import", doc.toString(), "--config", config.toString()).exit()).isZero();
    String json = run("list", "--format", "json", "--config", config.toString()).out();
    // 7 working days from Tue 06-30, Fri 07-03 (Independence Day observed) off: 07-10.
    assertThat(json).contains("\"dueDate\" : \"2026-07-10\"");
    // SEV1 names no P2: the priority table, 28 working days: 08-10.
    assertThat(json).contains("\"dueDate\" : \"2026-08-10\"");
  }

  @Test
  void badPolicyKeysExitTwoNamingTheKey() throws Exception {
    Path config = Files.writeString(dir.resolve("followthrough.yaml"), """
        policy:
          dueDays:
            SEV1: {P1: 7, P9: 3}
          businessDays: true
          holidays: ZZ
        """);
    CliRunner.Result r = run("list", "--config", config.toString());
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("policy.dueDays.SEV1.P9").contains("policy.holidays").doesNotContain("\tat ");
    Files.writeString(dir.resolve("bad.ics"), "BEGIN:VCALENDAR\nBEGIN:VEVENT\nDTSTART:20261207T100000Z\n");
    Files.writeString(config, "policy:\n  businessDays: true\n  holidays: bad.ics\n");
    CliRunner.Result ics = run("list", "--config", config.toString());
    assertThat(ics.exit()).isEqualTo(2);
    assertThat(ics.err()).contains("policy.holidays").contains("bad.ics line 3").doesNotContain("\tat ");
  }

  @Test
  void planShowsTheReminderAndSyncPostsItOnce() throws Exception {
    LocalDate due = LocalDate.now(ZoneOffset.UTC).plusDays(3);
    Path config = Files.writeString(dir.resolve("followthrough.yaml"), "store: " + dir.resolve("store") + """

        tracker:
          type: test-memory
        notify:
          beforeDue: [7d, 1d]
        """);
    Path doc = Files.writeString(dir.resolve("pm.md"), """
        # Queue backlog

        - Duration: 2025-05-01 10:00 to 2025-05-01 12:00 (UTC)

        ## Action items

        - [ ] Alert on queue age owner: @erin due: %s P1
        """.formatted(due));
    assertThat(run("import", doc.toString(), "--config", config.toString()).exit()).isZero();
    CliRunner.Result first = run("sync", "--config", config.toString());
    assertThat(first.exit()).as(first.err()).isZero();
    assertThat(first.out()).contains("1 created").contains("1 reminded before due");
    String key = tracker.tickets().get(0).key();
    assertThat(tracker.comments(key)).singleElement().asString().contains("is due on " + due + " (in 3 days)");
    assertThat(run("plan", "--config", config.toString()).out()).doesNotContain("remind ");
    assertThat(run("sync", "--config", config.toString()).out()).doesNotContain("reminded");
    assertThat(tracker.comments(key)).hasSize(1);

    Files.writeString(doc, Files.readString(doc).replace("due: " + due, "due: " + due.minusDays(2)));
    assertThat(run("import", doc.toString(), "--config", config.toString()).exit()).isZero();
    CliRunner.Result plan = run("plan", "--config", config.toString());
    assertThat(plan.out()).contains("remind " + key + " (2025-05-01-queue-backlog/alert-on-queue-age): due "
        + due.minusDays(2) + ", tomorrow");
    assertThat(tracker.comments(key)).as("plan posts nothing").hasSize(1);
  }

  @Test
  void theInitTemplatesPolicyAndNotifyKeysLoadWhenUncommented() {
    String uncommented = ConfigTemplates.policyAndNotify().lines()
        .filter(l -> l.startsWith("# policy:") || l.startsWith("# notify:") || l.startsWith("#   "))
        .map(l -> l.substring(2)).collect(java.util.stream.Collectors.joining("\n"));
    var c = dev.followthrough.core.config.FollowthroughConfig.parse(uncommented, "followthrough.yaml",
        java.util.Map.of("SLACK_WEBHOOK_URL", "https://hooks.example.com/services/placeholder")::get);
    assertThat(c.policy().dueDaysFor("SEV1", dev.followthrough.core.model.Priority.P1)).isEqualTo(7);
    assertThat(c.policy().days().describe()).isEqualTo("business days (holidays: US)");
    assertThat(c.notifications().beforeDue()).containsExactly(7, 1);
  }
}
