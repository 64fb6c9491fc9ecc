package dev.followthrough.github;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.followthrough.cli.KillAtEveryRequestHarness;
import dev.followthrough.core.testing.TestClock;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.function.IntConsumer;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The command line killed after every request of a sync against GitHub, with and without list lag. */
class GitHubKillAtEveryRequestTest {
  @TempDir Path dir;

  @ParameterizedTest(name = "list lag {0} ms")
  @ValueSource(ints = {0, 1000})
  void aSyncKilledAfterAnyRequestIsFinishedByTheNextWithoutADuplicate(int lagMillis) throws Exception {
    var outcome = new KillAtEveryRequestHarness(dir, () -> simulator(lagMillis), 2).run();
    System.out.printf("github, lag %d ms: %d kills, %d after a create reached the tracker%n", lagMillis, outcome.kills(),
        outcome.killsAfterACreate());
    assertThat(outcome.kills()).isGreaterThan(10);
    assertThat(outcome.killsAfterACreate()).as("kills that landed after a create reached the tracker").isPositive();
  }

  static KillAtEveryRequestHarness.Simulator simulator(int lagMillis) {
    GitHubFixture fixture = new GitHubFixture(TestClock.following(Clock.systemUTC()));
    return new KillAtEveryRequestHarness.Simulator() {
      @Override
      public String trackerConfig() {
        return """
              type: github
              url: %s
              repository: acme/ops
              token: %s
              timeout: 1s
              searchLag: %dms
            """.formatted(fixture.server.baseUrl(), GitHubFixture.TOKEN.reveal(), lagMillis);
      }

      @Override
      public void afterEachRequest(IntConsumer hook) {
        fixture.github.faults.afterEachRequest(hook);
      }

      @Override
      public Map<String, Integer> ticketsPerKey() {
        Map<String, Integer> perKey = new HashMap<>();
        for (ObjectNode issue : fixture.github.issues()) {
          issue.path("labels").forEach(l -> {
            if (l.path("name").asText().startsWith("ft-")) {
              perKey.merge(l.path("name").asText(), 1, Integer::sum);
            }
          });
        }
        return perKey;
      }

      @Override
      public void changeATicket() {
        fixture.github.close(fixture.github.issues().get(fixture.github.issues().size() - 1).path("number").asInt(), "not_planned");
      }

      @Override
      public void close() {
        fixture.close();
      }
    };
  }
}
