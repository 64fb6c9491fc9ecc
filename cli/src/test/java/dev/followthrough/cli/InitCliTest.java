package dev.followthrough.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.followthrough.core.config.FollowthroughConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** {@code init} writes configuration that the loader reads back, with no secret in it. */
class InitCliTest {
  @TempDir Path dir;
  static final Map<String, String> ENV = Map.of("JIRA_EMAIL", "bot@example.com", "JIRA_API_TOKEN", "t1",
      "GITHUB_TOKEN", "t2", "FOLLOWTHROUGH_DB_PASSWORD", "t3", "GITLAB_TOKEN", "t4");

  @ParameterizedTest
  @CsvSource({"jira,.followthrough,directory", "github,store-dir,directory", "jira,jdbc:postgresql://db.example.com/ft,postgres",
      "github,jdbc:postgresql://127.0.0.1:5432/ft,postgres"})
  void writesWhatTheLoaderReads(String tracker, String store, String storeType) throws IOException {
    Path file = dir.resolve(tracker + "-" + storeType + ".yaml");
    CliRunner.Result r = CliRunner.run("init", "--tracker", tracker, "--store", store, "--file", file.toString());
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).contains("followthrough doctor --config " + file, "followthrough plan --config " + file);
    FollowthroughConfig config = FollowthroughConfig.load(file, ENV::get);
    assertThat(config.store().type()).isEqualTo(storeType);
    assertThat(config.tracker().basics().type()).isEqualTo(tracker);
    assertThat(Files.readString(file)).contains("${").doesNotContain("t1", "t2", "t3");
  }

  @Test
  void theGitLabTemplateNamesItsTokenByVariable() throws IOException {
    Path file = dir.resolve("gitlab.yaml");
    assertThat(CliRunner.run("init", "--tracker", "gitlab", "--file", file.toString()).exit()).isZero();
    assertThat(Files.readString(file)).contains("type: gitlab", "token: ${GITLAB_TOKEN}");
  }

  @Test
  void neverOverwritesAndRefusesAnUnknownTracker() throws IOException {
    Path file = Files.writeString(dir.resolve("followthrough.yaml"), "store: mine\n");
    CliRunner.Result again = CliRunner.run("init", "--file", file.toString());
    assertThat(again.exit()).isEqualTo(2);
    assertThat(again.err()).contains("exists already");
    assertThat(Files.readString(file)).isEqualTo("store: mine\n");
    CliRunner.Result unknown = CliRunner.run("init", "--tracker", "trello", "--file", dir.resolve("x.yaml").toString());
    assertThat(unknown.exit()).isEqualTo(2);
    assertThat(unknown.err()).contains("--tracker: 'trello' is not one of jira, github, gitlab");
  }
}
