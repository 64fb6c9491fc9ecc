package dev.followthrough.github;

import static org.assertj.core.api.Assertions.assertThat;

import dev.followthrough.cli.CliRunner;
import dev.followthrough.core.testing.TestClock;
import dev.followthrough.core.tracker.TrackerFault;
import dev.followthrough.tck.RequestKind;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issues a document cites ({@code #123}, an issue URL of the configured repository): one GitHub
 * does not have is said once and replaced by the item's own issue, never "deleted"; one it has is
 * followed as the item's issue, and no second one is made.
 */
class CitedGitHubIssueCliTest {
  private static final String NOT_FOUND = "referenced ticket 123 not found; the item gets a ticket of its own";

  @TempDir Path dir;
  final GitHubFixture fixture = new GitHubFixture(TestClock.following(Clock.systemUTC()));

  @AfterEach
  void stop() {
    fixture.close();
  }

  @Test
  void aCitedIssueGitHubDoesNotHaveIsReportedOnceAndOneItHasIsFollowed() throws Exception {
    int byHand = openIssueByHand("Webhook queue age alert");
    String[] cfg = config();
    Path doc = document("| Alert on webhook queue age above 5 minutes | @erin | P1 | 2025-05-17 | #123 |\n"
        + "| Drain the backlog | @erin | P2 | 2025-05-20 | https://github.example/acme/ops/issues/" + byHand + " |\n");
    assertThat(run("import", doc.toString(), cfg[0], cfg[1]).exit()).isZero();

    CliRunner.Result plan = run("plan", cfg[0], cfg[1]);
    assertThat(plan.out()).contains(NOT_FOUND).contains("create   ").doesNotContain("deleted");
    assertThat(plan.out().split("create   ", -1)).as(plan.out()).hasSize(2);
    CliRunner.Result sync = run("sync", cfg[0], cfg[1]);
    assertThat(sync.exit()).as(sync.err()).isZero();
    assertThat(sync.err().split(NOT_FOUND, -1)).as(sync.err()).hasSize(2);
    assertThat(sync.out() + sync.err()).doesNotContain("deleted");

    // The cited issue is the item's: it now carries the item's key and title; one new issue only.
    assertThat(fixture.github.issues()).hasSize(2);
    var followed = fixture.github.issues().stream().filter(i -> i.path("number").asInt() == byHand).findFirst().orElseThrow();
    assertThat(followed.path("title").asText()).isEqualTo("Drain the backlog");
    assertThat(followed.path("labels").toString()).contains("\"ft-");

    for (String command : new String[] {"plan", "sync"}) {
      CliRunner.Result again = run(command, cfg[0], cfg[1]);
      assertThat(again.out() + again.err()).as(command).doesNotContain("referenced ticket").doesNotContain("deleted");
    }
    assertThat(run("import", doc.toString(), cfg[0], cfg[1]).exit()).isZero();
    assertThat(run("plan", cfg[0], cfg[1]).out()).startsWith("0 changes");
    assertThat(fixture.github.issues()).hasSize(2);
  }

  @Test
  void aReimportAfterTheCitationWasFoundMissingDoesNotBringItBack() throws Exception {
    String[] cfg = config();
    Path doc = document("| Alert on webhook queue age above 5 minutes | @erin | P1 | 2025-05-17 | #123 |\n");
    assertThat(run("import", doc.toString(), cfg[0], cfg[1]).exit()).isZero();
    // The item's own create is refused this time, so the item is left with no ticket at all.
    fixture.github.faults.aim(RequestKind.CREATE, TrackerFault.FORBIDDEN);
    CliRunner.Result first = run("sync", cfg[0], cfg[1]);
    assertThat(first.exit()).as(first.err()).isEqualTo(1);
    assertThat(first.err().split(NOT_FOUND, -1)).as(first.err()).hasSize(2);
    assertThat(fixture.github.issues()).isEmpty();

    // Re-reading the document must not cite #123 again: the not-found is recorded in the history.
    assertThat(run("import", doc.toString(), cfg[0], cfg[1]).exit()).isZero();
    CliRunner.Result second = run("sync", cfg[0], cfg[1]);
    assertThat(second.exit()).as(second.err()).isZero();
    assertThat(second.out() + second.err()).doesNotContain("referenced ticket").doesNotContain("deleted");
    assertThat(fixture.github.issues()).hasSize(1);
    assertThat(run("plan", cfg[0], cfg[1]).out()).startsWith("0 changes");
  }

  @Test
  void anIssueOfAnotherRepositoryIsNeverReadOrChangedAndTheItemGetsItsOwn() throws Exception {
    // acme/ops has an issue with the number the document cites in acme/web: following the number
    // would rewrite an unrelated issue of the configured repository.
    int byHand = openIssueByHand("Unrelated dashboard bug");
    String cited = "https://github.example/acme/web/issues/" + byHand;
    String[] cfg = config();
    Path doc = document("| Drain the backlog | @erin | P2 | 2025-05-20 | " + cited + " |\n");
    assertThat(run("import", doc.toString(), cfg[0], cfg[1]).exit()).isZero();

    String elsewhere = "referenced ticket " + cited + " belongs to another project; the item gets a ticket of its own";
    assertThat(run("plan", cfg[0], cfg[1]).out()).contains(elsewhere).contains("create   ");
    CliRunner.Result sync = run("sync", cfg[0], cfg[1]);
    assertThat(sync.exit()).as(sync.err()).isZero();
    assertThat(sync.err().split(elsewhere, -1)).as(sync.err()).hasSize(2);

    assertThat(fixture.github.issues()).hasSize(2);
    var unrelated = fixture.github.issues().stream().filter(i -> i.path("number").asInt() == byHand).findFirst().orElseThrow();
    assertThat(unrelated.path("title").asText()).isEqualTo("Unrelated dashboard bug");
    assertThat(unrelated.path("labels").toString()).doesNotContain("\"ft-");
    assertThat(run("import", doc.toString(), cfg[0], cfg[1]).exit()).isZero();
    assertThat(run("plan", cfg[0], cfg[1]).out()).startsWith("0 changes");
  }

  private String[] config() throws Exception {
    Path config = Files.writeString(dir.resolve("followthrough.yaml"), """
        store: %s
        tracker:
          type: github
          url: %s
          repository: acme/ops
          token: %s
        """.formatted(dir.resolve("store"), fixture.server.baseUrl(), GitHubFixture.TOKEN.reveal()));
    return new String[] {"--config", config.toString()};
  }

  private Path document(String rows) throws Exception {
    return Files.writeString(dir.resolve("2025-05-03-webhooks.md"), """
        # Payment webhook backlog

        Incident date: 2025-05-03

        ## Action items

        | Action item | Owner | Priority | Due | Ticket |
        |---|---|---|---|---|
        """ + rows);
  }

  /** An issue a person opened in the repository, without this tool's label or marker. */
  private int openIssueByHand(String title) throws Exception {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    HttpRequest post = HttpRequest.newBuilder(URI.create(fixture.server.baseUrl() + "/repos/acme/ops/issues"))
        .timeout(Duration.ofSeconds(5)).header("Authorization", "Bearer " + GitHubFixture.TOKEN.reveal())
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString("{\"title\":\"" + title + "\",\"body\":\"seen on the dashboard\"}")).build();
    HttpResponse<String> answer = http.send(post, HttpResponse.BodyHandlers.ofString());
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(201);
    return fixture.github.issues().get(0).path("number").asInt();
  }

  private static CliRunner.Result run(String... args) {
    return CliRunner.run(args);
  }
}
