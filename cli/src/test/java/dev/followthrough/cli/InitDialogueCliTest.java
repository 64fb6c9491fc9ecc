package dev.followthrough.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.followthrough.core.config.FollowthroughConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code init} at a terminal: the questions, the defaults, answers asked again, and the file it writes. */
class InitDialogueCliTest {
  @TempDir Path dir;

  /** A terminal whose person types {@code lines}, then ends the input. */
  static Terminal typing(String... lines) {
    Deque<String> left = new ArrayDeque<>(Arrays.asList(lines));
    return new Terminal(true, false, left::pollFirst);
  }

  private CliRunner.Result init(Terminal terminal, String... args) {
    String[] all = new String[args.length + 1];
    all[0] = "init";
    System.arraycopy(args, 0, all, 1, args.length);
    return Terminal.using(terminal, () -> CliRunner.run(all));
  }

  @Test
  void jiraCloudFromTheAnswersAndTheDefaults() throws IOException {
    Path file = dir.resolve("jira.yaml");
    CliRunner.Result r = init(typing("", "https://acme.atlassian.net", "", "ENG", "BOT_EMAIL", "", ""), "--file", file.toString());
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).contains("Tracker (jira, github or gitlab) [jira]: ", "Jira deployment (cloud or datacenter) [cloud]: ",
        "Environment variable holding the Jira API token [JIRA_API_TOKEN]: ", "Store (a directory, or a jdbc:postgresql:// URL) [.followthrough]: ",
        "followthrough doctor --config " + file, "followthrough plan --config " + file);
    String text = Files.readString(file);
    assertThat(text).contains("url: https://acme.atlassian.net", "deployment: cloud", "project: ENG", "email: ${BOT_EMAIL}",
        "token: ${JIRA_API_TOKEN}", "store: .followthrough");
    FollowthroughConfig config = FollowthroughConfig.load(file, Map.of("BOT_EMAIL", "bot@acme.test", "JIRA_API_TOKEN", "t")::get);
    assertThat(config.tracker().basics().type()).isEqualTo("jira");
    assertThat(config.store().type()).isEqualTo("directory");
  }

  @Test
  void jiraDataCenterIsTheDefaultOffAtlassianAndNeedsNoEmail() throws IOException {
    Path file = dir.resolve("dc.yaml");
    CliRunner.Result r = init(typing("jira", "https://jira.acme.test", "", "OPS", "JIRA_PAT", "dc-store"), "--file", file.toString());
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).contains("Jira deployment (cloud or datacenter) [datacenter]: ").doesNotContain("e-mail");
    assertThat(Files.readString(file)).contains("deployment: datacenter", "# email:", "token: ${JIRA_PAT}", "store: dc-store");
    FollowthroughConfig config = FollowthroughConfig.load(file, Map.of("JIRA_PAT", "t")::get);
    assertThat(config.tracker().basics().type()).isEqualTo("jira");
  }

  @Test
  void gitHubWithAPostgresStore() throws IOException {
    Path file = dir.resolve("github.yaml");
    CliRunner.Result r = init(typing("github", "acme/web", "${GH_BOT_TOKEN}", "jdbc:postgresql://db.acme.test:5432/ft", "ft_app", ""),
        "--file", file.toString());
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(Files.readString(file)).contains("repository: acme/web", "token: ${GH_BOT_TOKEN}", "url: jdbc:postgresql://db.acme.test:5432/ft",
        "user: ft_app", "password: ${FOLLOWTHROUGH_DB_PASSWORD}");
    FollowthroughConfig config = FollowthroughConfig.load(file, Map.of("GH_BOT_TOKEN", "t", "FOLLOWTHROUGH_DB_PASSWORD", "p")::get);
    assertThat(config.tracker().basics().type()).isEqualTo("github");
    assertThat(config.store().type()).isEqualTo("postgres");
  }

  @Test
  void gitLabOnItsOwnInstance() throws IOException {
    Path file = dir.resolve("gitlab.yaml");
    CliRunner.Result r = init(typing("gitlab", "https://gitlab.acme.test", "platform/sre/ops", "$GL_TOKEN", "my store"),
        "--file", file.toString());
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(Files.readString(file)).contains("url: https://gitlab.acme.test", "project: platform/sre/ops", "token: ${GL_TOKEN}",
        "store: my store");
    FollowthroughConfig config = FollowthroughConfig.load(file, Map.of("GL_TOKEN", "t")::get);
    assertThat(config.tracker().basics().type()).isEqualTo("gitlab");
  }

  @Test
  void aBadAnswerIsAskedAgainWithTheReasonAndATokenIsNeverTakenForAName() throws IOException {
    Path file = dir.resolve("again.yaml");
    String token = "ghp_R4nd0mL00kingT0kenValue1234567890";
    CliRunner.Result r = init(typing("trello", "github", "https://github.com/acme/web", "acme/web", token, "",
        "postgres://db/ft", "jdbc:postgresql://ft:hunter2@db/ft", "jdbc:postgresql://db/ft", "bad user", "", ""), "--file", file.toString());
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).contains("'trello' is not one of jira, github, gitlab; try again.",
        "'https://github.com/acme/web' is not owner/name, such as acme/ops; try again.",
        "give the name of a variable (capital letters, digits and _, such as GITHUB_TOKEN), not its value",
        "write a PostgreSQL store as jdbc:postgresql://host:5432/database; try again.",
        "the URL holds a password; leave it out", "'bad user' is not a user name")
        .doesNotContain(token, "hunter2");
    String text = Files.readString(file);
    assertThat(text).contains("token: ${GITHUB_TOKEN}", "url: jdbc:postgresql://db/ft").doesNotContain(token, "hunter2");
  }

  @Test
  void theEndOfInputStopsWithExitTwoAndWritesNothing() {
    Path file = dir.resolve("eof.yaml");
    CliRunner.Result r = init(typing("jira"), "--file", file.toString());
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("init: the input ended before 'Jira URL' was answered; nothing was written")
        .doesNotContain("Exception", "\tat ");
    assertThat(file).doesNotExist();
  }

  @Test
  void flagsWinAndSkipTheirQuestions() throws IOException {
    Path file = dir.resolve("flags.yaml");
    CliRunner.Result r = init(typing("acme/web", ""), "--tracker", "github", "--store", "flag-store", "--file", file.toString());
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).doesNotContain("Tracker (", "Store (").contains("GitHub repository (owner/name) [acme/ops]: ");
    assertThat(Files.readString(file)).contains("type: github", "repository: acme/web", "store: flag-store");
  }

  @Test
  void noInputOrNoTerminalAsksNothing() throws IOException {
    Path quiet = dir.resolve("quiet.yaml");
    assertThat(init(typing(), "--no-input", "--tracker", "gitlab", "--file", quiet.toString()).exit()).isZero();
    Path piped = dir.resolve("piped.yaml");
    CliRunner.Result r = init(new Terminal(false, false, () -> "github"), "--file", piped.toString());
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).doesNotContain("[");
    assertThat(Files.readString(piped)).contains("type: jira", "store: .followthrough");
    assertThat(Files.readString(quiet)).contains("type: gitlab", "project: acme/ops");
  }

  @Test
  void aPasswordInTheStoreUrlIsRefusedWithoutPrintingIt() {
    Path file = dir.resolve("leak.yaml");
    CliRunner.Result r = init(new Terminal(false, false, () -> null), "--store", "jdbc:postgresql://ft:hunter2@db/ft", "--file", file.toString());
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains(file + " not written: line 4 (url): a URL must not carry a password").doesNotContain("hunter2");
    assertThat(file).doesNotExist();
  }
}
