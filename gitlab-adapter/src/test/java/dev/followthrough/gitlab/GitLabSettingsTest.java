package dev.followthrough.gitlab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.followthrough.core.config.ConfigException;
import dev.followthrough.core.config.FollowthroughConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code tracker:} section for GitLab: every problem reported at once, by its key. */
class GitLabSettingsTest {
  @TempDir Path dir;

  @Test
  void everyProblemIsNamedByItsKey() throws IOException {
    Path file = Files.writeString(dir.resolve("followthrough.yaml"), """
        tracker:
          type: gitlab
          project: not a project
          wontDoLabel: "a,b"
          priorities: {P1: "urgent,now"}
          colour: red
        """);
    assertThatThrownBy(() -> FollowthroughConfig.load(file, Map.<String, String>of()::get)).isInstanceOfSatisfying(ConfigException.class,
        e -> assertThat(e.getMessage()).contains("tracker.project", "tracker.token", "tracker.wontDoLabel",
            "tracker.priorities.P1", "tracker.colour"));
  }

  @Test
  void aProjectPathOrIdAndTheTokenFromTheEnvironmentOpenATracker() throws IOException {
    Path file = Files.writeString(dir.resolve("followthrough.yaml"), """
        tracker:
          type: gitlab
          url: https://gitlab.example.com
          project: group/sub/project
          token: ${GITLAB_TOKEN}
        """);
    FollowthroughConfig config = FollowthroughConfig.load(file, Map.of("GITLAB_TOKEN", "glpat-secret")::get);
    assertThat(config.tracker().open().type()).isEqualTo("gitlab");
    assertThat(config.tracker().toString()).doesNotContain("glpat-secret");
  }
}
