package dev.followthrough.tck;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class SecretFormsTest {
  final SecretForms forms = SecretForms.of("https://hooks.example.com/T0/B0/s3cr3t").basic("bot@example.com", "tok-123/+=");

  @Test
  void anAuthorizationHeaderOrItsBase64PartIsCaught() {
    String header = "Basic " + Base64.getEncoder().encodeToString("bot@example.com:tok-123/+=".getBytes(StandardCharsets.UTF_8));
    assertThatThrownBy(() -> forms.assertNotIn("message", "failed with " + header)).isInstanceOf(AssertionError.class);
    assertThatThrownBy(() -> forms.assertNotIn("message", "credentials " + header.substring(6).replace("=", "")))
        .isInstanceOf(AssertionError.class);
  }

  @Test
  void urlEncodedJsonEscapedAndRawFormsAreCaught() {
    assertThatThrownBy(() -> forms.assertNotIn("log", "token=tok-123%2F%2B%3D")).isInstanceOf(AssertionError.class);
    assertThatThrownBy(() -> forms.assertNotIn("json", "{\"url\":\"https:\\/\\/hooks.example.com\\/T0\\/B0\\/s3cr3t\"}"))
        .isInstanceOf(AssertionError.class);
    assertThatThrownBy(() -> forms.assertNotIn("out", "tok-123/+=")).isInstanceOf(AssertionError.class);
  }

  @Test
  void textWithoutTheSecretPasses() {
    assertThatCode(() -> forms.assertNotIn("out", "Jira rejected the credentials (401) for hooks.example.com"))
        .doesNotThrowAnyException();
  }
}
