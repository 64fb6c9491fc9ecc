package dev.followthrough.jira;

import static org.assertj.core.api.Assertions.assertThat;

import dev.followthrough.cli.CliRunner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * Faults injected into the Jira simulator while the command-line sync runs. Every run either
 * completes or fails cleanly (exit 0 or 1, a message, no stack trace); the next run then finishes
 * the work; no ticket is duplicated and nothing is lost.
 */
class JiraFaultInjectionTest {
  @TempDir Path dir;
  JiraFixture fixture;
  Path config;

  @BeforeEach
  void setUp() throws IOException {
    fixture = new JiraFixture(true, Duration.ZERO);
    config = Files.writeString(dir.resolve("followthrough.yaml"), """
        store: %s
        tracker: {type: jira, url: '%s', project: OPS, email: bot@example.com, token: %s, timeout: 1s, searchLag: 0s}
        """.formatted(dir.resolve("store"), fixture.siteUrl(), JiraFixture.CLOUD_TOKEN.reveal()));
    StringBuilder doc = new StringBuilder("# Faults\n\n- Duration: 2025-05-01 10:00 to 2025-05-01 11:00 (UTC)\n\n## Action items\n\n");
    for (int i = 0; i < 60; i++) {
      doc.append("- [ ] Fault item ").append(i).append(i % 7 == 0 ? " (risky)" : "").append(" owner: @erin\n");
    }
    Path pm = Files.writeString(dir.resolve("pm.md"), doc);
    assertThat(run("import", pm.toString()).exit()).isEqualTo(0);
  }

  @AfterEach
  void stop() {
    fixture.close();
  }

  CliRunner.Result run(String... args) {
    return CliRunner.run(Stream.concat(Stream.of(args), Stream.of("--config", config.toString())).toArray(String[]::new));
  }

  static Stream<Arguments> faults() {
    return Stream.of(
        Arguments.of("connection reset after the create was made", (Consumer<JiraSimulator>) JiraSimulator::loseNextCreate),
        Arguments.of("connection reset on a read", (Consumer<JiraSimulator>) JiraSimulator::resetNext),
        Arguments.of("timeout", (Consumer<JiraSimulator>) j -> j.delayNext(2500)),
        Arguments.of("429 storm", (Consumer<JiraSimulator>) j -> {
          for (int i = 0; i < 3; i++) {
            j.failNext(429, "1", "{\"errorMessages\":[\"Rate limit exceeded.\"]}");
          }
        }),
        Arguments.of("5xx burst", (Consumer<JiraSimulator>) j -> {
          for (int i = 0; i < 3; i++) {
            j.failNext(i % 2 == 0 ? 503 : 500, null, "{\"errorMessages\":[\"Service unavailable\"]}");
          }
        }),
        Arguments.of("gateway 502 after the bulk create was applied", (Consumer<JiraSimulator>) j ->
            j.faults.aim(dev.followthrough.tck.RequestKind.CREATE, dev.followthrough.core.tracker.TrackerFault.APPLIED_THEN_502)),
        Arguments.of("503 with Retry-After after the bulk create was applied", (Consumer<JiraSimulator>) j -> j.faults.aim(
            dev.followthrough.tck.RequestKind.CREATE, dev.followthrough.core.tracker.TrackerFault.APPLIED_THEN_503_RETRY_AFTER)),
        Arguments.of("502 after a bulk element's issue was written", (Consumer<JiraSimulator>) j -> j.failElementsAfterCreating(3, 9)),
        Arguments.of("malformed JSON", (Consumer<JiraSimulator>) JiraSimulator::malformedNext),
        Arguments.of("partial bulk-create failure", (Consumer<JiraSimulator>) j -> j.rejectSummariesContaining("(risky)")));
  }

  @org.junit.jupiter.params.ParameterizedTest(name = "{0}")
  @org.junit.jupiter.params.provider.EnumSource(value = dev.followthrough.core.tracker.TrackerFault.class,
      names = {"APPLIED_THEN_502", "APPLIED_THEN_503_RETRY_AFTER", "APPLIED_THEN_504"})
  void aGatewayErrorAfterAnAppliedBulkCreateThenSyncsInsideAndAfterTheSearchLagMakeOneIssuePerItem(
      dev.followthrough.core.tracker.TrackerFault fault) throws IOException {
    fixture.close();
    fixture = new JiraFixture(true, Duration.ofSeconds(2), JiraWorkflow.RESOLUTION_ON_SCREEN,
        dev.followthrough.core.testing.TestClock.following(java.time.Clock.systemUTC()));
    Files.writeString(config, Files.readString(config).replaceAll("url: '[^']*'", "url: '" + fixture.siteUrl() + "'")
        .replace("searchLag: 0s", "searchLag: 2s"));
    fixture.jira.faults.aim(dev.followthrough.tck.RequestKind.CREATE, fault);
    CliRunner.Result faulted = run("sync");
    // Inside the search lag, where a resent create would not see the first issue.
    assertThat(run("sync").exit()).isEqualTo(0);
    assertThat(run("sync").exit()).isEqualTo(0);
    Map<String, Integer> perKey = new HashMap<>();
    fixture.jira.issues().forEach(i -> i.path("fields").path("labels").forEach(l -> { if (l.asText().startsWith("ft-")) { perKey.merge(l.asText(), 1, Integer::sum); } }));
    assertThat(perKey).hasSize(60).allSatisfy((key, n) -> assertThat(n).as(key).isEqualTo(1));
    assertThat(faulted.exit()).as(faulted.err()).isEqualTo(1);
    assertThat(faulted.err()).contains("never sent again").doesNotContain("\tat ");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("faults")
  void aFaultedSyncEndsCleanlyAndTheNextOneFinishesWithoutDuplicates(String name, Consumer<JiraSimulator> fault) {
    fault.accept(fixture.jira);
    CliRunner.Result faulted = run("sync");
    assertThat(faulted.exit()).as(faulted.err()).isIn(0, 1);
    assertThat(faulted.err()).doesNotContain("\tat ").doesNotContain("Exception:");
    fixture.jira.rejectSummariesContaining(null);

    CliRunner.Result after = run("sync");
    assertThat(after.exit()).as(after.err()).isEqualTo(0);
    Map<String, Integer> perKey = new HashMap<>();
    fixture.jira.issues().forEach(i -> i.path("fields").path("labels").forEach(l -> { if (l.asText().startsWith("ft-")) { perKey.merge(l.asText(), 1, Integer::sum); } }));
    assertThat(perKey).hasSize(60).allSatisfy((key, n) -> assertThat(n).as(key).isEqualTo(1));
    assertThat(run("plan").out()).startsWith("0 changes");
  }
}
