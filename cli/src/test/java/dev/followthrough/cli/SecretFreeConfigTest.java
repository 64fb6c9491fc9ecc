package dev.followthrough.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The guard {@code init} passes before writing: credentials only as ${VAR}, no password in a URL. */
class SecretFreeConfigTest {
  @Test
  void everyTemplatePassesAndEveryCredentialInItIsAReference() {
    for (String tracker : new String[] {"jira", "github", "gitlab"}) {
      for (String store : new String[] {".followthrough", "jdbc:postgresql://db/ft"}) {
        String text = ConfigTemplates.store(store) + ConfigTemplates.tracker(tracker).orElseThrow() + ConfigTemplates.policyAndNotify();
        assertThat(SecretFreeConfig.problem(text)).as(tracker + " " + store).isEmpty();
      }
    }
    String dataCenter = ConfigTemplates.tracker("jira", Map.of("jira.deployment", "datacenter")).orElseThrow();
    assertThat(SecretFreeConfig.problem(dataCenter)).isEmpty();
  }

  @Test
  void aLiteralCredentialOrAPasswordInAUrlIsFoundAndNotRepeated() {
    assertThat(SecretFreeConfig.problem("tracker:\n  type: github\n  token: ghp_abcdef0123456789\n"))
        .hasValue("line 3 (token): a credential must be a ${VAR} reference to an environment variable");
    assertThat(SecretFreeConfig.problem("store:\n  password: ${lower_case_is_not_a_name_init_writes}\n")).isPresent();
    assertThat(SecretFreeConfig.problem("tracker:\n  email: ${JIRA_EMAIL} # but then: \n  token: ${T}x\n"))
        .hasValue("line 3 (token): a credential must be a ${VAR} reference to an environment variable");
    assertThat(SecretFreeConfig.problem("store:\n  url: jdbc:postgresql://db/ft?user=a&password=s3cret\n").orElseThrow())
        .startsWith("line 2 (url):").doesNotContain("s3cret");
    assertThat(SecretFreeConfig.problem("# token: literal in a comment\nnotify:\n  webhook: https://hooks.example/T0/B0/x\n"))
        .hasValue("line 3 (webhook): a credential must be a ${VAR} reference to an environment variable");
  }
}
