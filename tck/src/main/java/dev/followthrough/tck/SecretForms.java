package dev.followthrough.tck;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Every form in which a secret can leak: as written, Base64 (standard and URL-safe, with and
 * without padding), inside an HTTP Basic value ({@code base64(user:token)}), URL-encoded, JSON-
 * escaped and hexadecimal. A test that checks only the raw token lets a leaked
 * {@code Authorization} header through.
 */
public final class SecretForms {
  private final Set<String> forms = new LinkedHashSet<>();

  private SecretForms() {}

  /** The forms of one secret value (a token, a webhook URL or its secret path). */
  public static SecretForms of(String... secrets) {
    SecretForms f = new SecretForms();
    for (String s : secrets) {
      f.add(s);
    }
    return f;
  }

  /** Adds the forms of an HTTP Basic credential: {@code base64(user:token)} and the token itself. */
  public SecretForms basic(String user, String token) {
    add(token);
    String pair = user + ":" + token;
    byte[] bytes = pair.getBytes(StandardCharsets.UTF_8);
    forms.add(Base64.getEncoder().encodeToString(bytes));
    forms.add(Base64.getEncoder().withoutPadding().encodeToString(bytes));
    forms.add(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
    return this;
  }

  private void add(String secret) {
    byte[] bytes = secret.getBytes(StandardCharsets.UTF_8);
    forms.add(secret);
    forms.add(URLEncoder.encode(secret, StandardCharsets.UTF_8));
    forms.add(secret.replace("/", "\\/"));
    forms.add(Base64.getEncoder().withoutPadding().encodeToString(bytes));
    forms.add(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
    forms.add(HexFormat.of().formatHex(bytes));
  }

  public List<String> forms() {
    return List.copyOf(forms);
  }

  /** Fails, naming the form and where it was found, if any form occurs in the text. */
  public void assertNotIn(String where, String text) {
    for (String form : forms) {
      assertThat(text).as("a form of a secret in %s", where).doesNotContain(form);
    }
  }

  /** Checks every file below a folder (a store, a log directory) as text. */
  public void assertNotInFilesBelow(Path root) {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> files = Files.walk(root)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        assertNotIn(file.toString(), new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
