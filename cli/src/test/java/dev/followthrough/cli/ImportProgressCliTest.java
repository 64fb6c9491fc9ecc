package dev.followthrough.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code import} of many files draws a bar on a terminal only; its lines stay the same either way. */
class ImportProgressCliTest {
  private static final Path SAMPLES = Path.of("../samples/postmortems").toAbsolutePath().normalize();
  @TempDir Path dir;

  private CliRunner.Result importing(boolean bar, String... paths) {
    String[] args = Stream.concat(Stream.of("import", "--store", dir.resolve("store").toString()), Stream.of(paths)).toArray(String[]::new);
    return Terminal.using(new Terminal(false, bar, () -> null), () -> CliRunner.run(args));
  }

  private static long documents() throws IOException {
    try (Stream<Path> files = Files.list(SAMPLES)) {
      return files.filter(f -> f.toString().matches(".*\\.(md|markdown|txt|text)$")).count();
    }
  }

  @Test
  void aTerminalSeesTheBarCountEveryDocumentAndEndOnANewLine() throws IOException {
    int total = (int) documents();
    CliRunner.Result r = importing(true, SAMPLES.toString());
    assertThat(r.exit()).as(r.err()).isZero();
    for (int done = 1; done < total; done++) {
      assertThat(r.err()).contains(ProgressBar.render(done, total, "documents"));
    }
    assertThat(r.err()).endsWith(ProgressBar.render(total, total, "documents") + System.lineSeparator());
    assertThat(r.out().lines().filter(l -> l.startsWith("imported ")).count()).isEqualTo(total);
  }

  @Test
  void noTerminalOrOneFileGetsNoBar() {
    CliRunner.Result piped = importing(false, SAMPLES.toString());
    assertThat(piped.exit()).as(piped.err()).isZero();
    assertThat(piped.err()).doesNotContain("\r");
    CliRunner.Result one = importing(true, SAMPLES.resolve("2025-02-14-login-outage.md").toString());
    assertThat(one.exit()).as(one.err()).isZero();
    assertThat(one.err()).doesNotContain("\r");
    assertThat(one.out()).contains("2025-02-14-login-outage.md");
  }
}
