package dev.followthrough.jira;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.followthrough.cli.KillAtEveryRequestHarness;
import dev.followthrough.core.testing.TestClock;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.function.IntConsumer;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The command line killed after every request of a sync against Jira Cloud, with and without search lag. */
class JiraKillAtEveryRequestTest {
  @TempDir Path dir;

  @ParameterizedTest(name = "search lag {0} ms")
  @ValueSource(ints = {0, 1000})
  void aSyncKilledAfterAnyRequestIsFinishedByTheNextWithoutADuplicate(int lagMillis) throws Exception {
    Duration lag = Duration.ofMillis(lagMillis);
    var outcome = new KillAtEveryRequestHarness(dir, () -> simulator(lag), 4).run();
    System.out.printf("jira, lag %d ms: %d kills, %d after a create reached the tracker%n", lagMillis, outcome.kills(),
        outcome.killsAfterACreate());
    assertThat(outcome.kills()).isGreaterThan(10);
    assertThat(outcome.killsAfterACreate()).as("kills that landed after a create reached the tracker").isPositive();
  }

  static KillAtEveryRequestHarness.Simulator simulator(Duration lag) {
    JiraFixture fixture = new JiraFixture(true, lag, JiraWorkflow.RESOLUTION_ON_SCREEN, TestClock.following(Clock.systemUTC()));
    return new KillAtEveryRequestHarness.Simulator() {
      @Override
      public String trackerConfig() {
        return """
              type: jira
              url: %s
              project: OPS
              email: bot@example.com
              token: %s
              timeout: 1s
              searchLag: %dms
              users: {erin: 5b10ac8d82e05b22cc7d4ef5}
            """.formatted(fixture.siteUrl(), JiraFixture.CLOUD_TOKEN.reveal(), lag.toMillis());
      }

      @Override
      public void afterEachRequest(IntConsumer hook) {
        fixture.jira.faults.afterEachRequest(hook);
      }

      @Override
      public Map<String, Integer> ticketsPerKey() {
        Map<String, Integer> perKey = new HashMap<>();
        for (ObjectNode issue : fixture.jira.issues()) {
          issue.path("fields").path("labels").forEach(l -> {
            if (l.asText().startsWith("ft-")) {
              perKey.merge(l.asText(), 1, Integer::sum);
            }
          });
        }
        return perKey;
      }

      @Override
      public void changeATicket() {
        fixture.jira.setStatus(fixture.jira.issues().get(3).path("key").asText(), "indeterminate", "In Progress", null);
      }

      @Override
      public void close() {
        fixture.close();
      }
    };
  }
}
