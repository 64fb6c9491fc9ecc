package dev.followthrough.github;

import static org.assertj.core.api.Assertions.assertThat;

import dev.followthrough.cli.CliRunner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Faults injected into the GitHub simulator while the command-line sync runs. */
class GitHubFaultInjectionTest {
  @TempDir Path dir;
  GitHubFixture fixture;
  Path config;

  @BeforeEach
  void setUp() throws IOException {
    fixture = new GitHubFixture();
    config = Files.writeString(dir.resolve("followthrough.yaml"), """
        store: %s
        tracker: {type: github, url: '%s', repository: acme/ops, token: %s, timeout: 1s}
        """.formatted(dir.resolve("store"), fixture.server.baseUrl(), GitHubFixture.TOKEN.reveal()));
    StringBuilder doc = new StringBuilder("# Faults\n\n## Action items\n\n");
    // Few items: creates are paced at 750 ms, as GitHub's secondary limit asks.
    for (int i = 0; i < 3; i++) {
      doc.append("- [ ] Fault item ").append(i).append(" owner: @erin\n");
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
        Arguments.of("connection reset after the issue was made", (Consumer<GitHubSimulator>) GitHubSimulator::loseNextCreate),
        Arguments.of("timeout", (Consumer<GitHubSimulator>) g -> g.delayNext(2500)),
        Arguments.of("secondary-limit storm", (Consumer<GitHubSimulator>) g -> {
          for (int i = 0; i < 3; i++) {
            g.failNext(429, Map.of("Retry-After", "1"), "{\"message\":\"You have exceeded a secondary rate limit.\"}");
          }
        }),
        Arguments.of("5xx burst", (Consumer<GitHubSimulator>) g -> {
          for (int i = 0; i < 3; i++) {
            g.failNext(502, Map.of(), "{\"message\":\"Server Error\"}");
          }
        }),
        Arguments.of("malformed JSON", (Consumer<GitHubSimulator>) GitHubSimulator::malformedNext));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("faults")
  void aFaultedSyncEndsCleanlyAndTheNextOneFinishesWithoutDuplicates(String name, Consumer<GitHubSimulator> fault) {
    fault.accept(fixture.github);
    CliRunner.Result faulted = run("sync");
    assertThat(faulted.exit()).as(faulted.err()).isIn(0, 1);
    assertThat(faulted.err()).doesNotContain("\tat ");

    CliRunner.Result after = run("sync");
    assertThat(after.exit()).as(after.err()).isEqualTo(0);
    Map<String, Integer> perKey = new HashMap<>();
    fixture.github.issues().forEach(i -> i.path("labels").forEach(l -> {
      if (l.path("name").asText().startsWith("ft-")) {
        perKey.merge(l.path("name").asText(), 1, Integer::sum);
      }
    }));
    assertThat(perKey).hasSize(3).allSatisfy((key, n) -> assertThat(n).as(key).isEqualTo(1));
    assertThat(run("plan").out()).startsWith("0 changes");
  }
}
