package dev.followthrough.github;

import static org.assertj.core.api.Assertions.assertThat;

import dev.followthrough.cli.CliProcessAccess;
import dev.followthrough.core.testing.TestClock;
import dev.followthrough.tck.WebhookSender;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code followthrough serve} in its own JVM against the GitHub simulator: the simulator closes an
 * issue, GitHub's delivery arrives signed, and the item is DONE in the store; forged and replayed
 * deliveries change nothing.
 */
class GitHubServeCliTest {
  static final String HOOK_SECRET = "placeholder-webhook-secret-0123";
  static final String DOC = """
      # Queue backlog

      - Duration: 2025-05-01 10:00 to 2025-05-01 12:00 (UTC)

      ## Action items

      - [ ] Alert on queue age owner: @erin P1 due: 2025-05-10
      - [ ] Drain the backlog owner: @sam-o due: 2025-05-12
      """;

  @TempDir Path dir;
  GitHubFixture fixture;
  Path config;
  Map<String, String> env;

  @BeforeEach
  void setUp() throws Exception {
    fixture = new GitHubFixture(TestClock.following(Clock.systemUTC()));
    config = Files.writeString(dir.resolve("followthrough.yaml"), """
        store: %s
        tracker:
          type: github
          repository: acme/ops
          url: '%s'
          token: ${GITHUB_TOKEN}
          webhookSecret: ${HOOK_SECRET}
          searchLag: 0s
        """.formatted(dir.resolve("store"), fixture.server.baseUrl()));
    env = Map.of("GITHUB_TOKEN", GitHubFixture.TOKEN.reveal(), "HOOK_SECRET", HOOK_SECRET);
    Files.writeString(dir.resolve("pm.md"), DOC);
    assertThat(cli("import", "pm.md").exit()).isZero();
    var sync = cli("sync");
    assertThat(sync.exit()).as(sync.err()).isZero();
    assertThat(fixture.github.issues()).hasSize(2);
  }

  @AfterEach
  void tearDown() {
    fixture.close();
  }

  dev.followthrough.cli.CliRunner.Result cli(String... args) throws Exception {
    String[] all = java.util.Arrays.copyOf(args, args.length + 2);
    all[args.length] = "--config";
    all[args.length + 1] = config.toString();
    return CliProcessAccess.run(dir, env, all);
  }

  String status(String itemTitle) throws Exception {
    String list = cli("list", "--format", "text").out();
    return list.lines().filter(l -> l.contains(itemTitle)).findFirst().orElseThrow();
  }

  @Test
  void aClosedIssuesDeliveryMakesItsItemDoneAndForgedOrReplayedOnesChangeNothing() throws Exception {
    try (ServeProcess serve = new ServeProcess(dir, env, "--config", config.toString(), "--port", "0", "--every", "1h")) {
      URI base = serve.awaitListening();
      assertThat(base.getHost()).isEqualTo("127.0.0.1");
      WebhookSender github = WebhookSender.github(base.resolve("/webhooks/github"), HOOK_SECRET);

      // A forged delivery about a closed issue: 401, nothing queued. The real delivery about the
      // other issue after it shows the queue's order: had the forgery been queued, it ran first.
      fixture.github.close(1, "completed");
      var forged = WebhookSender.githubIssue("closed", 1, "acme/ops");
      assertThat(github.sendForged(forged, "someone-elses-secret-value").status()).isEqualTo(401);
      assertThat(github.sendUnsigned(forged).status()).isEqualTo(401);
      var open = WebhookSender.githubIssue("edited", 2, "acme/ops");
      assertThat(github.send(open).status()).isEqualTo(202);
      String first = serve.await(l -> l.contains("webhook (2)"));
      assertThat(first).contains("targeted sync: ").contains("0 pulled");

      // A replay of a delivery already taken, after its issue was closed: 200, nothing queued.
      fixture.github.close(2, "completed");
      assertThat(github.redeliver(open, 1).status()).isEqualTo(200);

      // The real delivery for issue 1: 202, and the item is pulled DONE.
      assertThat(github.send(WebhookSender.githubIssue("closed", 1, "acme/ops")).status()).isEqualTo(202);
      String pulled = serve.await(l -> l.contains("webhook (1)"));
      assertThat(pulled).contains("1 pulled");
      assertThat(serve.seen).noneMatch(l -> l.contains("webhook (1, 2)") || l.contains("webhook (2, 1)"));

      int exit = serve.stop();
      assertThat(exit).isIn(0, 143);
      assertThat(serve.stderr()).doesNotContain("Exception");
      dev.followthrough.tck.SecretForms secrets = dev.followthrough.tck.SecretForms.of(HOOK_SECRET, GitHubFixture.TOKEN.reveal());
      secrets.assertNotIn("serve output", String.join("\n", serve.seen) + "\n" + serve.stderr());
      secrets.assertNotInFilesBelow(dir.resolve("store"));
    }
    assertThat(status("Alert on queue age")).contains("DONE");
    assertThat(status("Drain the backlog")).contains("OPEN");
  }

  @Test
  void aBindBeyondLoopbackWithoutATokenExits2AndWithOneEveryPageAsksForIt() throws Exception {
    var refused = cli("serve", "--bind", "0.0.0.0", "--port", "0");
    assertThat(refused.exit()).isEqualTo(2);
    assertThat(refused.err()).contains("serve.token").doesNotContain("Exception").hasLineCount(1);

    Files.writeString(config, Files.readString(config) + "serve:\n  token: ${SERVE_TOKEN}\n");
    String token = "placeholder-serve-token-4567";
    Map<String, String> withToken = new java.util.HashMap<>(env);
    withToken.put("SERVE_TOKEN", token);
    try (ServeProcess serve = new ServeProcess(dir, withToken, "--config", config.toString(), "--bind", "0.0.0.0", "--port", "0")) {
      URI base = serve.awaitListening();
      URI local = URI.create("http://127.0.0.1:" + base.getPort());
      HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
      HttpResponse<String> anonymous = http.send(HttpRequest.newBuilder(local.resolve("/login/../anything"))
          .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString());
      assertThat(anonymous.statusCode()).isEqualTo(401);
      HttpResponse<String> bearer = http.send(HttpRequest.newBuilder(local.resolve("/anything"))
          .header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(10)).GET().build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(bearer.statusCode()).isEqualTo(404);
      assertThat(WebhookSender.github(local.resolve("/webhooks/github"), HOOK_SECRET)
          .send(WebhookSender.githubIssue("edited", 2, "acme/ops")).status()).isEqualTo(202);
      serve.stop();
      dev.followthrough.tck.SecretForms.of(token, HOOK_SECRET, GitHubFixture.TOKEN.reveal())
          .assertNotIn("serve output", String.join("\n", serve.seen) + "\n" + serve.stderr());
      dev.followthrough.tck.SecretForms.of(token, HOOK_SECRET).assertNotInFilesBelow(dir.resolve("store"));
    }
  }
}
