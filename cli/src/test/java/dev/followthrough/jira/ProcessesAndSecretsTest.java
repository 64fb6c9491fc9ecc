package dev.followthrough.jira;

import static org.assertj.core.api.Assertions.assertThat;

import dev.followthrough.cli.CliRunner;
import dev.followthrough.cli.FollowthroughCli;
import dev.followthrough.core.json.JsonFormat;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real CLI processes: two schedulers on one store, a report during a sync, and secrets in output. */
class ProcessesAndSecretsTest {
  static final String SECRET_TOKEN = "ft-secret-token-7f3a9c";
  static final String SECRET_HOOK = "ft-secret-hook-path-2b8e";

  @TempDir Path dir;
  JiraFixture fixture;
  Path config;
  Path document;

  @BeforeEach
  void setUp() throws IOException {
    fixture = new JiraFixture(true, Duration.ZERO);
    config = Files.writeString(dir.resolve("followthrough.yaml"), """
        store: %s
        tracker:
          type: jira
          url: %s
          project: OPS
          email: bot@example.com
          token: ${FT_TEST_JIRA_TOKEN}
          searchLag: 0s
        notify:
          comments: true
          webhook: http://127.0.0.1:9/${FT_TEST_HOOK}
        """.formatted(dir.resolve("store"), fixture.siteUrl()));
    StringBuilder doc = new StringBuilder("# Processes\n\n- Duration: 2025-05-01 10:00 to 2025-05-01 11:00 (UTC)\n\n## Action items\n\n");
    for (int i = 0; i < 150; i++) {
      doc.append("- [ ] Process item ").append(i).append(" owner: @erin due: 2025-05-20\n");
    }
    document = Files.writeString(dir.resolve("pm.md"), doc);
  }

  @AfterEach
  void stop() {
    fixture.close();
  }

  Process start(String token, String... args) throws IOException {
    List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
        "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"), FollowthroughCli.class.getName()));
    command.addAll(List.of(args));
    command.addAll(List.of("--config", config.toString()));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().put("FT_TEST_JIRA_TOKEN", token);
    builder.environment().put("FT_TEST_HOOK", SECRET_HOOK);
    return builder.start();
  }

  static String output(Process p) throws Exception {
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    return out;
  }

  @Test
  void twoSchedulersOnOneStoreNeverDuplicateATicket() throws Exception {
    assertThat(output(start(JiraFixture.CLOUD_TOKEN.reveal(), "import", document.toString()))).contains("150 action items");
    Process a = start(JiraFixture.CLOUD_TOKEN.reveal(), "schedule", "--every", "20ms", "--max-runs", "8");
    Process b = start(JiraFixture.CLOUD_TOKEN.reveal(), "schedule", "--every", "20ms", "--max-runs", "8");
    String outA = output(a);
    String outB = output(b);
    assertThat(a.exitValue()).as(outA).isZero();
    assertThat(b.exitValue()).as(outB).isZero();
    Map<String, Integer> perKey = new HashMap<>();
    fixture.jira.issues().forEach(i -> i.path("fields").path("labels").forEach(l -> { if (l.asText().startsWith("ft-")) { perKey.merge(l.asText(), 1, Integer::sum); } }));
    assertThat(perKey).hasSize(150).allSatisfy((key, n) -> assertThat(n).as(key).isEqualTo(1));
    assertThat(outA + outB).contains("150 created");
  }

  @Test
  void aReportDuringASyncSeesAConsistentStore() throws Exception {
    assertThat(output(start(JiraFixture.CLOUD_TOKEN.reveal(), "import", document.toString()))).contains("imported");
    Process sync = start(JiraFixture.CLOUD_TOKEN.reveal(), "sync");
    int reports = 0;
    while (sync.isAlive() || reports == 0) {
      // The store alone: this JVM lacks the environment the configuration refers to.
      CliRunner.Result r = CliRunner.run("report", "--as-of", "2025-07-01", "--format", "json", "--store",
          dir.resolve("store").toString());
      assertThat(r.exit()).as(r.err()).isZero();
      var json = JsonFormat.json().parseTree(r.out(), "output");
      assertThat(json.get("overdue")).hasSize(150);
      reports++;
    }
    assertThat(output(sync)).contains("150 created");
    assertThat(reports).isPositive();
  }

  @Test
  void noSecretEverAppearsInWhatTheToolPrints() throws Exception {
    List<String> outputs = new ArrayList<>();
    outputs.add(output(start(SECRET_TOKEN, "import", document.toString())));
    outputs.add(output(start(SECRET_TOKEN, "plan")));
    outputs.add(output(start(SECRET_TOKEN, "sync", "--debug")));
    outputs.add(output(start(SECRET_TOKEN, "report", "--as-of", "2025-07-01", "--notify", "--debug")));
    outputs.add(output(start(JiraFixture.CLOUD_TOKEN.reveal(), "sync")));
    outputs.add(output(start(JiraFixture.CLOUD_TOKEN.reveal(), "report", "--as-of", "2025-07-01", "--notify", "--debug")));
    String all = String.join("\n", outputs);
    assertThat(all).contains("Jira rejected the credentials (401)").contains("webhook at 127.0.0.1");
    dev.followthrough.tck.SecretForms forms = dev.followthrough.tck.SecretForms.of(SECRET_HOOK, "http://127.0.0.1:9/" + SECRET_HOOK)
        .basic("bot@example.com", SECRET_TOKEN).basic("bot@example.com", JiraFixture.CLOUD_TOKEN.reveal());
    forms.assertNotIn("the tool's output", all);
    forms.assertNotInFilesBelow(dir.resolve("store"));
  }

  @Test
  void brokenConfigurationsAndStoreFilesGiveOneClearLine() throws Exception {
    Map<String, String> configs = Map.of(
        "tabs.yaml", "tracker:\n\ttype: jira\n",
        "binary.yaml", "\u0000\u0001\u0002",
        "list.yaml", "- store\n- tracker\n",
        "types.yaml", "store: [a, b]\npolicy: {dueDays: {P1: fourteen}}\n",
        "unknown.yaml", "trackers: {}\n");
    for (var c : configs.entrySet()) {
      Path file = Files.writeString(dir.resolve(c.getKey()), c.getValue());
      CliRunner.Result r = CliRunner.run("list", "--config", file.toString());
      assertThat(r.exit()).as(c.getKey() + ": " + r.err()).isEqualTo(2);
      assertThat(r.err()).as(c.getKey()).contains(c.getKey()).doesNotContain("\tat ").hasLineCount(1);
    }
    Path store = dir.resolve("broken-store");
    assertThat(CliRunner.run("import", document.toString(), "--store", store.toString()).exit()).isZero();
    Path record;
    try (var files = Files.list(store.resolve("postmortems"))) {
      record = files.findFirst().orElseThrow();
    }
    for (byte[] damage : List.of("{\"schemaVersion\": 9}".getBytes(StandardCharsets.UTF_8), new byte[] {(byte) 0xC3, 0x28},
        "{\"schemaVersion\": 1, \"version\": 1, \"updatedAt\": \"x\", \"postmortem\": {}}".getBytes(StandardCharsets.UTF_8))) {
      Files.write(record, damage);
      CliRunner.Result r = CliRunner.run("report", "--store", store.toString());
      assertThat(r.exit()).as(r.err()).isEqualTo(2);
      assertThat(r.err()).contains(record.toString()).doesNotContain("\tat ").hasLineCount(1);
    }
  }
}
