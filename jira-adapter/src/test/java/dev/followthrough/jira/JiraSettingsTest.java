package dev.followthrough.jira;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.followthrough.core.config.ConfigException;
import dev.followthrough.core.config.FollowthroughConfig;
import dev.followthrough.core.config.StoreSettings;
import dev.followthrough.core.model.Priority;
import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The Jira module's own configuration section, read through the same loader the CLI uses. */
class JiraSettingsTest {
  static final Map<String, String> ENV = Map.of("JIRA_EMAIL", "bot@example.com", "JIRA_API_TOKEN", "s3cr3t-t0k3n:#x");

  static FollowthroughConfig parse(String yaml) {
    return FollowthroughConfig.parse(yaml, "followthrough.yaml", ENV::get);
  }

  // The example of the configuration contract, key for key.
  static final String CONTRACT_EXAMPLE = """
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
  void readsTheContractExample() {
    FollowthroughConfig c = parse(CONTRACT_EXAMPLE);
    assertThat(c.store()).isEqualTo(StoreSettings.directory(Path.of(".followthrough")));
    JiraSettings t = (JiraSettings) c.tracker();
    assertThat(t.basics().type()).isEqualTo("jira");
    assertThat(t.url()).isEqualTo(URI.create("https://example.atlassian.net"));
    assertThat(t.dataCenter()).isFalse();
    assertThat(t.email()).isEqualTo("bot@example.com");
    assertThat(t.token().reveal()).isEqualTo("s3cr3t-t0k3n:#x");
    assertThat(t.basics().users()).containsEntry("erin", "5b10ac8d82e05b22cc7d4ef5");
    assertThat(t.basics().labels()).containsExactly("postmortem");
    assertThat(c.policy().dueDays()).containsEntry(Priority.P2, 28);
    assertThat(c.toString()).doesNotContain("s3cr3t").contains("****");
    assertThat(t.open()).isInstanceOf(JiraTracker.class);
  }

  @Test
  void everyProblemOfTheSectionIsReportedAtOnce() {
    ConfigException e = catchThrowableOfType(ConfigException.class, () -> parse("""
        tracker:
          type: jira
          url: http://jira.example.com
          deployment: onprem
          token: t
          colour: blue
          parent: OPS-1
          epics: true
        """));
    assertThat(e.problems()).anySatisfy(p -> assertThat(p).startsWith("tracker.colour: unknown key"))
        .anySatisfy(p -> assertThat(p).contains("plain http is only allowed for localhost"))
        .anySatisfy(p -> assertThat(p).startsWith("tracker.deployment: 'onprem'"))
        .anySatisfy(p -> assertThat(p).startsWith("tracker.project: must be given"))
        .anySatisfy(p -> assertThat(p).startsWith("tracker.email: must be given"))
        .anySatisfy(p -> assertThat(p).isEqualTo("tracker.parent: give either parent or epics, not both"));
  }

  @Test
  void dataCenterNeedsNoEmailAndEpicsAreRead() {
    JiraSettings dc = (JiraSettings) parse(
        "tracker: {type: jira, url: 'https://jira.example.com', deployment: datacenter, project: OPS, token: t, epics: true}").tracker();
    assertThat(dc.dataCenter()).isTrue();
    assertThat(dc.epics()).isTrue();
    ConfigException noUrl = catchThrowableOfType(ConfigException.class,
        () -> parse("tracker: {type: jira, project: OPS, email: a@b.c, token: t}"));
    assertThat(noUrl.problems()).singleElement().asString().startsWith("tracker.url: must be given for Jira");
  }

  @Test
  void ticketColumnsNamingIssueKeysAreRecognised() {
    var provider = new JiraTrackerProvider();
    assertThat(provider.referenceIn("OPS-12")).hasValueSatisfying(t -> {
      assertThat(t.tracker()).isEqualTo("jira");
      assertThat(t.key()).isEqualTo("OPS-12");
    });
    assertThat(provider.referenceIn("[OPS-7](https://example.atlassian.net/browse/OPS-7)"))
        .hasValueSatisfying(t -> assertThat(t.url()).isEqualTo("https://example.atlassian.net/browse/OPS-7"));
    assertThat(provider.referenceIn("see the runbook")).isEmpty();
  }
}
