package dev.followthrough.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.followthrough.core.model.Priority;
import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfigLoaderTest {
  static final Map<String, String> ENV = Map.of("JIRA_EMAIL", "bot@example.com", "JIRA_API_TOKEN", "s3cr3t-t0k3n:#x");
  final ConfigLoader loader = new ConfigLoader(ENV::get);

  static final String DESIGN_EXAMPLE = """
      store: .followthrough
      tracker:
        type: jira                 # jira | github
        url: https://example.atlassian.net
        deployment: cloud          # cloud | datacenter (jira only)
        project: OPS               # jira only
        issueType: Task            # jira only
        email: ${JIRA_EMAIL}       # jira cloud
        token: ${JIRA_API_TOKEN}   # jira cloud API token, or datacenter personal access token
        labels: [postmortem]
        users:                     # optional owner -> tracker account overrides
          erin: 5b10ac8d82e05b22cc7d4ef5
      policy:
        dueDays: {P1: 14, P2: 28, P3: 56, P4: 90}
        defaultPriority: P3
      """;

  @Test
  void readsTheDesignExampleWithEnvironmentSubstitution() {
    FollowthroughConfig c = loader.parse(DESIGN_EXAMPLE, "followthrough.yaml");
    assertThat(c.store()).isEqualTo(Path.of(".followthrough"));
    TrackerConfig t = c.tracker();
    assertThat(t.type()).isEqualTo("jira");
    assertThat(t.url()).isEqualTo(URI.create("https://example.atlassian.net"));
    assertThat(t.email()).isEqualTo("bot@example.com");
    assertThat(t.token().reveal()).isEqualTo("s3cr3t-t0k3n:#x");
    assertThat(t.users()).containsEntry("erin", "5b10ac8d82e05b22cc7d4ef5");
    assertThat(t.labels()).containsExactly("postmortem");
    assertThat(c.policy().dueDays()).containsEntry(Priority.P2, 28);
  }

  @Test
  void secretsNeverShowInToString() {
    FollowthroughConfig c = loader.parse(DESIGN_EXAMPLE, "f.yaml");
    assertThat(c.toString()).doesNotContain("s3cr3t").contains("****");
  }

  @Test
  void everyProblemIsReportedAtOnceWithItsKey() {
    ConfigException e = catchThrowableOfType(ConfigException.class, () -> loader.parse("""
        stor: x
        tracker:
          type: jira
          url: http://jira.example.com
          deployment: onprem
          token: ${MISSING_TOKEN}
          colour: blue
        policy:
          dueDays: {P1: -3, P7: 5}
          defaultPriority: P9
        """, "bad.yaml"));
    assertThat(e.getMessage()).startsWith("invalid configuration bad.yaml");
    assertThat(e.problems()).anySatisfy(p -> assertThat(p).startsWith("stor: unknown key"))
        .anySatisfy(p -> assertThat(p).startsWith("tracker.colour: unknown key"))
        .anySatisfy(p -> assertThat(p).contains("plain http is only allowed for localhost"))
        .anySatisfy(p -> assertThat(p).startsWith("tracker.deployment: 'onprem'"))
        .anySatisfy(p -> assertThat(p).isEqualTo("environment variable MISSING_TOKEN is not set"))
        .anySatisfy(p -> assertThat(p).startsWith("tracker.project: must be given"))
        .anySatisfy(p -> assertThat(p).startsWith("policy.dueDays.P1"))
        .anySatisfy(p -> assertThat(p).startsWith("policy.dueDays.P7"))
        .anySatisfy(p -> assertThat(p).startsWith("policy.defaultPriority"));
  }

  @Test
  void plainHttpIsAllowedForLoopbackOnly() {
    String yaml = "tracker: {type: github, repository: acme/ops, token: t, url: 'http://127.0.0.1:8080'}";
    assertThat(loader.parse(yaml, "f").tracker().url()).isEqualTo(URI.create("http://127.0.0.1:8080"));
    assertThat(loader.parse("tracker: {type: github, repository: acme/ops, token: t}", "f").tracker().url())
        .isEqualTo(URI.create("https://api.github.com"));
  }

  @Test
  void emptyFileMeansDefaults() {
    assertThat(loader.parse("", "f")).isEqualTo(FollowthroughConfig.defaults());
  }

  @Test
  void brokenYamlNamesTheFileAndLine() {
    ConfigException e = catchThrowableOfType(ConfigException.class, () -> loader.parse("tracker:\n  type: [jira\n", "f.yaml"));
    assertThat(e.getMessage()).contains("f.yaml").contains("line");
  }

  @Test
  void jiraParentOrEpicsAndGitHubAppSettingsAreRead() {
    var jira = loader.parse("tracker: {type: jira, url: 'https://x.atlassian.net', project: OPS, email: a@b.c, token: t, epics: true}",
        "f").tracker();
    assertThat(jira.epics()).isTrue();
    var app = loader.parse("tracker: {type: github, repository: acme/ops, appId: '1234', privateKeyFile: /keys/app.pem}", "f")
        .tracker();
    assertThat(app.appId()).isEqualTo("1234");
    assertThat(app.privateKeyFile()).isEqualTo(Path.of("/keys/app.pem"));
    ConfigException e = catchThrowableOfType(ConfigException.class, () -> loader.parse(
        "tracker: {type: github, repository: acme/ops, appId: '1234'}", "f"));
    assertThat(e.problems()).containsExactly("tracker.appId: a GitHub App needs both appId and privateKeyFile");
  }
}
