package dev.followthrough.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code ${VAR}} is replaced per section: a tracker variable that is not set keeps the file
 * usable for commands that need only the store, and fails opening the tracker, naming the
 * variable once and never a value.
 */
class SectionSubstitutionTest {
  static final String FILE = """
      store: ${STORE_DIR}
      tracker:
        type: example
        url: https://tracker.example.com
        project: OPS
        token: ${TRACKER_TOKEN}
        labels: ["${TRACKER_TOKEN}-x"]
        conflicts: tracker
      policy:
        defaultPriority: P2
      """;

  @Test
  void aTrackerVariableNotSetLeavesTheStoreAndPolicyUsable() {
    FollowthroughConfig c = FollowthroughConfig.parse(FILE, "followthrough.yaml", Map.of("STORE_DIR", "pm-store")::get);
    assertThat(c.store()).isEqualTo(StoreSettings.directory(Path.of("pm-store")));
    assertThat(c.policy().defaultPriority()).hasToString("P2");
    TrackerSettings tracker = c.trackerSettings().orElseThrow();
    assertThat(tracker.basics().conflicts()).isEqualTo(ConflictRule.TRACKER);
    assertThat(tracker.unresolved()).containsExactly("environment variable TRACKER_TOKEN is not set (tracker.token, tracker.labels[0])");
  }

  @Test
  void openingTheTrackerNamesEachMissingVariableOnce() {
    FollowthroughConfig c = FollowthroughConfig.parse(FILE, "followthrough.yaml", Map.of("STORE_DIR", "pm-store")::get);
    ConfigException e = catchThrowableOfType(ConfigException.class, () -> c.trackerSettings().orElseThrow().open());
    assertThat(e.getMessage()).isEqualTo("invalid configuration followthrough.yaml: "
        + "environment variable TRACKER_TOKEN is not set (tracker.token, tracker.labels[0])");
  }

  @Test
  void otherProblemsOfAnUnresolvedTrackerSectionComeWithItsVariables() {
    FollowthroughConfig c = FollowthroughConfig.parse("""
        tracker:
          type: example
          url: https://tracker.example.com
          token: ${TRACKER_TOKEN}
        """, "f.yaml", Map.<String, String>of()::get);
    assertThat(c.trackerSettings().orElseThrow().unresolved()).containsExactly(
        "environment variable TRACKER_TOKEN is not set (tracker.token)", "tracker.project: must be given");
  }

  @Test
  void aStoreVariableNotSetIsOneProblemAtLoad() {
    ConfigException e = catchThrowableOfType(ConfigException.class,
        () -> FollowthroughConfig.parse(FILE, "f.yaml", Map.of("TRACKER_TOKEN", "t0k3n-value")::get));
    assertThat(e.problems()).containsExactly("environment variable STORE_DIR is not set (store)");
    assertThat(e.getMessage()).doesNotContain("t0k3n-value");
  }

  @Test
  void withEveryVariableSetTheTrackerOpens() {
    FollowthroughConfig c = FollowthroughConfig.parse(FILE, "f.yaml",
        Map.of("STORE_DIR", "s", "TRACKER_TOKEN", "abc")::get);
    assertThat(c.trackerSettings().orElseThrow().unresolved()).isEmpty();
    assertThat(c.trackerSettings().orElseThrow().basics().labels()).containsExactly("abc-x");
  }
}
