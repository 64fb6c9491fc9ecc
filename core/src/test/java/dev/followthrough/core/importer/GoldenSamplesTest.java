package dev.followthrough.core.importer;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.followthrough.core.json.JsonFormat;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Parses every sample postmortem and compares it with its reviewed golden JSON. After a
 * deliberate change, rerun with {@code -Dgolden.update=true} and review the diff.
 */
class GoldenSamplesTest {
  static final Path SAMPLES = Path.of("../samples/postmortems");
  static final Path GOLDEN = Path.of("src/test/resources/golden");

  static Stream<Path> samples() throws IOException {
    try (Stream<Path> files = Files.list(SAMPLES)) {
      return files.filter(f -> f.toString().endsWith(".md") || f.toString().endsWith(".txt")).sorted().toList().stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("samples")
  void sampleParsesToItsGoldenJson(Path sample) throws IOException {
    String name = "samples/postmortems/" + sample.getFileName();
    ParseResult result = PostmortemImporter.create().parse(Files.readString(sample, StandardCharsets.UTF_8), name);
    String json = JsonFormat.json().write(result);
    Path golden = GOLDEN.resolve(sample.getFileName() + ".json");
    if (Boolean.getBoolean("golden.update")) {
      Files.writeString(golden, json);
    }
    JsonNode expected = JsonFormat.json().parseTree(Files.readString(golden), "output");
    assertThat(JsonFormat.json().parseTree(json, "output")).isEqualTo(expected);
    assertThat(JsonFormat.json().read(json, name)).as("round trip").isEqualTo(result);
  }
}
