package dev.followthrough.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Core's sources name no tracker, not even in a comment or a string: everything about one tracker
 * lives in its module, so that adding a tracker never means changing core.
 */
class CoreNamesNoTrackerTest {
  private static final Pattern TRACKER_NAMES = Pattern.compile("(?i)jira|github");

  @Test
  void noLineOfCoreMainNamesATracker() throws IOException {
    Path sources = Path.of("src/main");
    assertThat(sources).as("run from the core module's folder").isDirectory();
    List<String> found = new ArrayList<>();
    try (Stream<Path> files = Files.walk(sources)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        List<String> lines = Files.readAllLines(file);
        for (int i = 0; i < lines.size(); i++) {
          if (TRACKER_NAMES.matcher(lines.get(i)).find()) {
            found.add(file + ":" + (i + 1) + ": " + lines.get(i).strip());
          }
        }
      }
    }
    assertThat(found).isEmpty();
  }
}
