package dev.followthrough.core.importer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.followthrough.core.DocumentException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Random and mutated documents give a result or the documented error, never anything else. */
class ImporterPropertiesTest {
  private final PostmortemImporter importer = PostmortemImporter.create();

  @Property(tries = 300)
  void randomTextGivesAResultOrADocumentError(@ForAll("documents") String text) {
    outcomeIsDocumented(text);
  }

  @Property(tries = 300)
  void mutatedSamplesGiveAResultOrADocumentError(@ForAll("mutatedSamples") String text) {
    outcomeIsDocumented(text);
  }

  private void outcomeIsDocumented(String text) {
    try {
      ParseResult r = importer.parse(text, "random.md");
      assertThat(r.postmortem().id()).isNotBlank();
    } catch (DocumentException e) {
      assertThat(e.getMessage()).startsWith("random.md");
    }
  }

  @Provide
  Arbitrary<String> documents() {
    Arbitrary<String> lines = Arbitraries.oneOf(
        Arbitraries.strings().ofMaxLength(80),
        Arbitraries.of("# Title", "## Timeline", "Timeline:", "## Action items", "Tasks:", "- [ ] task owner: @x P1",
            "- [x] done", "| Task | Owner |", "|---|---|", "| a | b |", "Duration: 3:00 PM to 2:00 AM EST",
            "10:15 AM (UTC): thing", "Impact: 250% of users", "---", "title: x", "1. item", "   - nested", ""));
    return lines.list().ofMaxSize(40).map(l -> String.join("\n", l));
  }

  @Provide
  Arbitrary<String> mutatedSamples() {
    List<String> samples = samplesText();
    return Arbitraries.of(samples).flatMap(sample -> Arbitraries.integers().between(0, Math.max(0, sample.length() - 1))
        .list().ofMaxSize(8).flatMap(cuts -> Arbitraries.strings().ofMaxLength(6).map(junk -> {
          StringBuilder b = new StringBuilder(sample);
          for (int cut : cuts) {
            int at = Math.min(cut, b.length());
            b.insert(at, junk);
            if (at + 3 < b.length()) {
              b.delete(at, at + 3);
            }
          }
          return b.toString();
        })));
  }

  private static List<String> samplesText() {
    try (var files = Files.list(Path.of("../samples/postmortems"))) {
      return files.sorted().map(f -> {
        try {
          return Files.readString(f);
        } catch (IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      }).toList();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
