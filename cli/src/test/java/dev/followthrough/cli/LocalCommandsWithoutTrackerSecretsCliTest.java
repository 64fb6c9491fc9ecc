package dev.followthrough.cli;

import static dev.followthrough.cli.CliRunner.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Commands that need only the store work with a Jira section whose variables are not set in the
 * environment; plan and sync fail naming each variable once, never a value.
 */
class LocalCommandsWithoutTrackerSecretsCliTest {
  // Names no environment sets: the test runs with them unset.
  static final String EMAIL = "FT_TEST_UNSET_JIRA_EMAIL_7Q";
  static final String TOKEN = "FT_TEST_UNSET_JIRA_TOKEN_7Q";
  static final String PM = "2025-02-03-queue-consumer-stalls";
  static final String ITEM = PM + "/restart-stalled-consumers-automatically";

  @TempDir Path dir;
  Path config;
  Path document;

  @BeforeEach
  void setUp() throws IOException {
    assertThat(System.getenv(EMAIL)).isNull();
    assertThat(System.getenv(TOKEN)).isNull();
    document = Files.writeString(dir.resolve("2025-02-03-queue.md"), """
        # Queue consumer stalls

        Incident date: 2025-02-03

        ## Action items

        - [x] Restart stalled consumers automatically owner: @erin P2
        - [ ] Alert on consumer lag owner: @sam P2
        """);
    config = Files.writeString(dir.resolve("followthrough.yaml"), "store: " + dir.resolve("store") + "\n" + """
        tracker:
          type: jira
          url: https://example.atlassian.net
          project: OPS
          email: ${%s}
          token: ${%s}
        """.formatted(EMAIL, TOKEN));
  }

  private CliRunner.Result cli(String... args) {
    String[] all = Arrays.copyOf(args, args.length + 2);
    all[args.length] = "--config";
    all[args.length + 1] = config.toString();
    return run(all);
  }

  @Test
  void storeCommandsWorkWithTheTrackerVariablesUnset() {
    assertOk(cli("import", document.toString()));
    assertOk(cli("list"));
    assertOk(cli("report", document.toString(), "--as-of", "2025-06-01"));
    assertOk(cli("verify", ITEM, "--effective", "--by", "erin"));
    assertOk(cli("list", "--verification", "effective"));
    assertOk(cli("unlink", ITEM));
    assertOk(cli("recurrences"));
  }

  @Test
  void planAndSyncNameEachMissingVariableOnce() {
    assertOk(cli("import", document.toString()));
    for (String command : new String[] {"plan", "sync"}) {
      CliRunner.Result r = cli(command);
      assertThat(r.exit()).as(command).isEqualTo(FollowthroughCli.BAD_INPUT);
      assertThat(r.err().lines().toList()).as(command).hasSize(1);
      assertThat(r.err()).contains("environment variable " + EMAIL + " is not set (tracker.email)")
          .contains("environment variable " + TOKEN + " is not set (tracker.token)")
          .doesNotContain("must be given").contains("(2 problems)");
      assertThat(r.err().split(TOKEN, -1)).as("the token variable is named once").hasSize(2);
    }
  }

  private static void assertOk(CliRunner.Result r) {
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.err()).doesNotContain("environment variable");
  }
}
