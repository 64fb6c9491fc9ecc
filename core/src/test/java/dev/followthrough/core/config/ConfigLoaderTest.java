package dev.followthrough.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.followthrough.core.model.Priority;
import dev.followthrough.core.testing.ExampleTrackerProvider.ExampleSettings;
import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The loader's own part: the file, substitution, store, policy and notify; tracker sections go to their provider. */
class ConfigLoaderTest {
  static final Map<String, String> ENV = Map.of("TRACKER_TOKEN", "s3cr3t-t0k3n:#x");
  final ConfigLoader loader = new ConfigLoader(ENV::get);

  static final String EXAMPLE = """
      store: .followthrough
      tracker:
        type: example
        url: https://tracker.example.com
        project: OPS
        token: ${TRACKER_TOKEN}
        labels: [postmortem]
        users:
          '@erin': 5b10ac8d82e05b22cc7d4ef5
        priorities: {P1: Blocker}
        conflicts: store
        timeout: 20s
        searchLag: 0s
      policy:
        dueDays: {P1: 14, P2: 28, P3: 56, P4: 90}
        defaultPriority: P3
      """;

  @Test
  void theProviderReadsItsSectionAfterSubstitution() {
    FollowthroughConfig c = loader.parse(EXAMPLE, "followthrough.yaml");
    assertThat(c.store()).isEqualTo(StoreSettings.directory(Path.of(".followthrough")));
    ExampleSettings t = (ExampleSettings) c.tracker();
    assertThat(t.basics().type()).isEqualTo("example");
    assertThat(t.url()).isEqualTo(URI.create("https://tracker.example.com"));
    assertThat(t.token().reveal()).isEqualTo("s3cr3t-t0k3n:#x");
    assertThat(t.basics().users()).containsEntry("erin", "5b10ac8d82e05b22cc7d4ef5");
    assertThat(t.basics().labels()).containsExactly("postmortem");
    assertThat(t.basics().priorities()).containsEntry(Priority.P1, "Blocker");
    assertThat(t.basics().conflicts()).isEqualTo(ConflictRule.STORE);
    assertThat(t.basics().timeout()).hasSeconds(20);
    assertThat(t.basics().searchLag()).isZero();
    assertThat(c.policy().dueDays()).containsEntry(Priority.P2, 28);
  }

  @Test
  void secretsNeverShowInToString() {
    FollowthroughConfig c = loader.parse(EXAMPLE, "f.yaml");
    assertThat(c.toString()).doesNotContain("s3cr3t").contains("****");
  }

  @Test
  void everyProblemIsReportedAtOnceWithItsKey() {
    ConfigException e = catchThrowableOfType(ConfigException.class, () -> loader.parse("""
        stor: x
        tracker:
          type: example
          url: http://tracker.example.com
          token: ${TRACKER_TOKEN}
          colour: blue
          labels: [has space]
          priorities: {P9: X}
          conflicts: coin-toss
          timeout: 0s
        policy:
          dueDays: {P1: -3, P7: 5, P2: "${MISSING_TOKEN}"}
          defaultPriority: P9
        """, "bad.yaml"));
    assertThat(e.getMessage()).startsWith("invalid configuration bad.yaml");
    assertThat(e.problems()).anySatisfy(p -> assertThat(p).startsWith("stor: unknown key"))
        .anySatisfy(p -> assertThat(p).startsWith("tracker.colour: unknown key"))
        .anySatisfy(p -> assertThat(p).contains("plain http is only allowed for localhost"))
        .anySatisfy(p -> assertThat(p).isEqualTo("environment variable MISSING_TOKEN is not set (policy.dueDays.P2)"))
        .anySatisfy(p -> assertThat(p).startsWith("tracker.project: must be given"))
        .anySatisfy(p -> assertThat(p).startsWith("tracker.labels: 'has space'"))
        .anySatisfy(p -> assertThat(p).startsWith("tracker.priorities.P9"))
        .anySatisfy(p -> assertThat(p).startsWith("tracker.conflicts: 'coin-toss'"))
        .anySatisfy(p -> assertThat(p).startsWith("tracker.timeout: '0s'"))
        .anySatisfy(p -> assertThat(p).startsWith("policy.dueDays.P1"))
        .anySatisfy(p -> assertThat(p).startsWith("policy.dueDays.P7"))
        .anySatisfy(p -> assertThat(p).startsWith("policy.defaultPriority"));
  }

  @Test
  void anUnknownTrackerTypeNamesTheInstalledOnes() {
    ConfigException e = catchThrowableOfType(ConfigException.class,
        () -> loader.parse("tracker: {type: linear, token: t}", "f.yaml"));
    assertThat(e.problems()).containsExactly(
        "tracker.type: tracker type 'linear' is not available in this build (available: example)");
  }

  @Test
  void plainHttpIsAllowedForLoopbackOnly() {
    String yaml = "tracker: {type: example, project: P, token: t, url: 'http://127.0.0.1:8080'}";
    assertThat(((ExampleSettings) loader.parse(yaml, "f").tracker()).url()).isEqualTo(URI.create("http://127.0.0.1:8080"));
  }

  @Test
  void aStoreIsAPathOrAMappingWithAType() {
    assertThat(loader.parse("store: /var/lib/ft", "f").store()).isEqualTo(StoreSettings.directory(Path.of("/var/lib/ft")));
    assertThat(loader.parse("store: {type: directory, path: /var/lib/ft}", "f").store())
        .isEqualTo(StoreSettings.directory(Path.of("/var/lib/ft")));
    ConfigException e = catchThrowableOfType(ConfigException.class,
        () -> loader.parse("store: {type: cassandra, hosts: [a]}", "f.yaml"));
    assertThat(e.problems()).singleElement().asString()
        .startsWith("store.type: 'cassandra' is not available in this build (available: directory");
    ConfigException unknownKey = catchThrowableOfType(ConfigException.class,
        () -> loader.parse("store: {type: directory, path: x, url: y}", "f.yaml"));
    assertThat(unknownKey.problems()).singleElement().asString().startsWith("store.url: unknown key");
  }

  @Test
  void emptyFileMeansDefaults() {
    assertThat(loader.parse("", "f")).isEqualTo(FollowthroughConfig.defaults());
  }

  @Test
  void brokenYamlNamesTheFileAndLine() {
    ConfigException e = catchThrowableOfType(ConfigException.class, () -> loader.parse("tracker:\n  type: [x\n", "f.yaml"));
    assertThat(e.getMessage()).contains("f.yaml").contains("line");
  }
}
