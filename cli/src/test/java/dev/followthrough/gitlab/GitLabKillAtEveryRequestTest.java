package dev.followthrough.gitlab;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.followthrough.cli.KillAtEveryRequestHarness;
import dev.followthrough.core.testing.TestClock;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntConsumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line killed after every request of a first and an update sync against GitLab. */
class GitLabKillAtEveryRequestTest {
  @TempDir Path dir;

  @Test
  void aSyncKilledAfterAnyRequestIsFinishedByTheNextWithoutADuplicate() throws Exception {
    var outcome = new KillAtEveryRequestHarness(dir, GitLabKillAtEveryRequestTest::simulator, 2).run();
    System.out.printf("gitlab, lag 1000 ms: %d kills, %d after a create reached the tracker%n", outcome.kills(),
        outcome.killsAfterACreate());
    assertThat(outcome.kills()).isGreaterThan(10);
    assertThat(outcome.killsAfterACreate()).as("kills that landed after a create reached the tracker").isPositive();
  }

  static KillAtEveryRequestHarness.Simulator simulator() {
    GitLabFixture fixture = new GitLabFixture(TestClock.following(Clock.systemUTC()));
    return new KillAtEveryRequestHarness.Simulator() {
      @Override
      public String trackerConfig() {
        return """
              type: gitlab
              url: %s
              project: %s
              token: %s
              timeout: 1s
              searchLag: 1000ms
            """.formatted(fixture.server.baseUrl(), GitLabFixture.PROJECT, GitLabFixture.TOKEN.reveal());
      }

      @Override
      public void afterEachRequest(IntConsumer hook) {
        fixture.gitlab.faults.afterEachRequest(hook);
      }

      @Override
      public Map<String, Integer> ticketsPerKey() {
        Map<String, Integer> perKey = new HashMap<>();
        for (ObjectNode issue : fixture.gitlab.projectIssues()) {
          issue.path("labels").forEach(l -> {
            if (l.asText().startsWith("ft-")) {
              perKey.merge(l.asText(), 1, Integer::sum);
            }
          });
        }
        return perKey;
      }

      @Override
      public void changeATicket() {
        List<ObjectNode> issues = fixture.gitlab.projectIssues();
        fixture.gitlab.close(issues.get(issues.size() - 1).path("iid").asLong(), true);
      }

      @Override
      public void close() {
        fixture.close();
      }
    };
  }
}
