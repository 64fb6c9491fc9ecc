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
 * The chat webhook's and the server token's variables are needed only by the commands that post
 * or serve: every other command works with them unset, and those fail naming the variable.
 */
class CommandsWithoutNotifyOrServeSecretsCliTest {
  // Names no environment sets: the test runs with them unset.
  static final String WEBHOOK = "FT_TEST_UNSET_CHAT_WEBHOOK_4K";
  static final String SERVE_TOKEN = "FT_TEST_UNSET_SERVE_TOKEN_4K";

  @TempDir Path dir;
  Path config;
  Path document;

  @BeforeEach
  void setUp() throws IOException {
    assertThat(System.getenv(WEBHOOK)).isNull();
    assertThat(System.getenv(SERVE_TOKEN)).isNull();
    document = Files.writeString(dir.resolve("2025-02-03-queue.md"), """
        # Queue consumer stalls

        Incident date: 2025-02-03

        ## Action items

        - [ ] Alert on consumer lag owner: @sam P2 due: 2025-03-01
        """);
    config = Files.writeString(dir.resolve("followthrough.yaml"), "store: " + dir.resolve("store") + "\n" + """
        notify:
          webhook: ${%s}
          beforeDue: [7d]
        serve:
          token: ${%s}
        """.formatted(WEBHOOK, SERVE_TOKEN));
  }

  private CliRunner.Result cli(String... args) {
    String[] all = Arrays.copyOf(args, args.length + 2);
    all[args.length] = "--config";
    all[args.length + 1] = config.toString();
    return run(all);
  }

  @Test
  void storeCommandsAndAPlainReportWorkWithTheVariablesUnset() {
    for (String[] command : new String[][] {{"import", document.toString()}, {"list"}, {"report", "--as-of", "2025-06-01"},
        {"lint", document.toString()}, {"recurrences"}}) {
      CliRunner.Result r = cli(command);
      assertThat(r.exit()).as(command[0] + ": " + r.err()).isIn(0, 1);
      assertThat(r.err()).as(command[0]).doesNotContain("environment variable");
    }
  }

  @Test
  void reportNotifyAndServeNameTheirOwnVariableAndExit2() {
    assertThat(cli("import", document.toString()).exit()).isZero();
    CliRunner.Result notify = cli("report", "--as-of", "2025-06-01", "--notify");
    assertThat(notify.exit()).as(notify.err()).isEqualTo(FollowthroughCli.BAD_INPUT);
    assertThat(notify.err()).contains("environment variable " + WEBHOOK + " is not set (notify.webhook)")
        .doesNotContain(SERVE_TOKEN).doesNotContain("must be an https URL").doesNotContain("Exception");

    CliRunner.Result serve = cli("serve", "--port", "0");
    assertThat(serve.exit()).as(serve.err()).isEqualTo(FollowthroughCli.BAD_INPUT);
    assertThat(serve.err()).contains("environment variable " + SERVE_TOKEN + " is not set (serve.token)")
        .doesNotContain(WEBHOOK).doesNotContain("Exception");
  }

  @Test
  void aMistakeBesideAnUnsetVariableIsStillEveryCommandsError() throws IOException {
    Files.writeString(config, Files.readString(config).replace("beforeDue: [7d]", "beforeDue: [soon]"));
    CliRunner.Result list = cli("list");
    assertThat(list.exit()).isEqualTo(FollowthroughCli.BAD_INPUT);
    assertThat(list.err()).contains("notify.beforeDue").doesNotContain("environment variable");
  }
}
