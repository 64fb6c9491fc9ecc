package dev.followthrough.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code serve.token} and {@code tracker.webhookSecret}: read from the environment, never repeated. */
class ServeConfigTest {
  static final Map<String, String> ENV = Map.of("SERVE_TOKEN", "a-long-random-serve-token-0123", "SHORT", "guessable");

  @Test
  void theTokenComesFromTheEnvironment() {
    FollowthroughConfig config = FollowthroughConfig.parse("serve: {token: '${SERVE_TOKEN}'}", "f.yaml", ENV::get);
    assertThat(config.serve().token().reveal()).isEqualTo("a-long-random-serve-token-0123");
    assertThat(config.toString()).doesNotContain("a-long-random-serve-token-0123");
    assertThat(FollowthroughConfig.defaults().serve().token()).isNull();
  }

  @Test
  void aShortTokenOrAnUnknownKeyIsAProblemThatNamesTheKeyNotTheValue() {
    ConfigException e = catchThrowableOfType(ConfigException.class,
        () -> FollowthroughConfig.parse("serve: {token: '${SHORT}', bind: 0.0.0.0}", "f.yaml", ENV::get));
    assertThat(e.problems()).hasSize(2).anyMatch(p -> p.startsWith("serve.token: must be at least 16 characters"))
        .anyMatch(p -> p.startsWith("serve.bind: unknown key"));
    assertThat(e.getMessage()).doesNotContain("guessable");
  }
}
