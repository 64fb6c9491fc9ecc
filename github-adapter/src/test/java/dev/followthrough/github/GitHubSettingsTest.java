package dev.followthrough.github;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.followthrough.core.config.ConfigException;
import dev.followthrough.core.config.FollowthroughConfig;
import java.net.URI;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The GitHub module's own configuration section, read through the same loader the CLI uses. */
class GitHubSettingsTest {
  static GitHubSettings parse(String yaml) {
    return (GitHubSettings) FollowthroughConfig.parse(yaml, "followthrough.yaml", name -> "ghp_" + name).tracker();
  }

  @Test
  void aTokenAndTheDefaultEndpoint() {
    GitHubSettings s = parse("tracker: {type: github, repository: acme/ops, token: '${GITHUB_TOKEN}', searchLag: 5s}");
    assertThat(s.url()).isEqualTo(URI.create("https://api.github.com"));
    assertThat(s.token().reveal()).isEqualTo("ghp_GITHUB_TOKEN");
    assertThat(s.basics().searchLag()).hasSeconds(5);
    assertThat(s.toString()).doesNotContain("ghp_");
    assertThat(parse("tracker: {type: github, repository: acme/ops, token: t, url: 'http://127.0.0.1:8080'}").url())
        .isEqualTo(URI.create("http://127.0.0.1:8080"));
  }

  @Test
  void aGitHubAppNeedsItsIdAndKey() {
    GitHubSettings app = parse("tracker: {type: github, repository: acme/ops, appId: '1234', privateKeyFile: /keys/app.pem}");
    assertThat(app.appId()).isEqualTo("1234");
    assertThat(app.privateKeyFile()).isEqualTo(Path.of("/keys/app.pem"));
    ConfigException e = catchThrowableOfType(ConfigException.class, () -> parse(
        "tracker: {type: github, repository: acme/ops, appId: '1234'}"));
    assertThat(e.problems()).containsExactly("tracker.appId: a GitHub App needs both appId and privateKeyFile");
  }

  @Test
  void everyProblemOfTheSectionIsReportedAtOnce() {
    ConfigException e = catchThrowableOfType(ConfigException.class, () -> parse(
        "tracker: {type: github, repository: 'not a repo', project: OPS}"));
    assertThat(e.problems()).containsExactlyInAnyOrder(
        "tracker.project: unknown key (expected one of appId, conflicts, labels, priorities, privateKeyFile, repository, "
            + "searchLag, timeout, token, type, url, users, webhookSecret)",
        "tracker.repository: 'not a repo' must look like owner/name",
        "tracker.token: must be given");
  }

  @Test
  void issueUrlsAndNumbersInTicketColumnsAreRecognised() {
    var provider = new GitHubTrackerProvider();
    assertThat(provider.referenceIn("https://github.com/acme/ops/issues/42")).hasValueSatisfying(t -> {
      assertThat(t.tracker()).isEqualTo("github");
      assertThat(t.key()).isEqualTo("42");
      assertThat(t.url()).isEqualTo("https://github.com/acme/ops/issues/42");
    });
    assertThat(provider.referenceIn("#7")).hasValueSatisfying(t -> assertThat(t.key()).isEqualTo("7"));
    assertThat(provider.referenceIn("OPS-12")).isEmpty();
  }
}
