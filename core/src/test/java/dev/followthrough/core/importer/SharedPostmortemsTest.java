package dev.followthrough.core.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.followthrough.core.model.Postmortem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The real postmortems beside the project, when present (a fresh clone has none). */
class SharedPostmortemsTest {
  static final Path SHARED = Path.of("../../shared/postmortems");

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "000_13300e785bcd5981.txt, 8, 5, 5, 2023-08-06T10:15:00Z, 2023-08-06T14:00:00Z, 25",
    "001_891e30f8d4666593.txt, 8, 3, 4, 2023-03-01T20:00:00Z, 2023-03-01T22:00:00Z, 30",
    "003_a8c871e9a7669c1e.txt, 11, 3, 5, 2024-06-22T15:15:00Z, 2024-06-22T17:00:00Z, 85",
  })
  void parsesWithTheRightCounts(String file, int timeline, int measures, int tasks, String start, String end,
      double impact) {
    Path doc = SHARED.resolve(file);
    assumeTrue(Files.exists(doc), "../shared/postmortems is not beside this checkout");
    Postmortem p = PostmortemImporter.create().parse(doc).postmortem();
    assertThat(p.timeline()).hasSize(timeline);
    assertThat(p.timeline()).allSatisfy(e -> assertThat(e.at()).isNotNull());
    assertThat(p.measures()).hasSize(measures);
    assertThat(p.actionItems()).hasSize(tasks);
    assertThat(p.incident().start()).isEqualTo(Instant.parse(start));
    assertThat(p.incident().end()).isEqualTo(Instant.parse(end));
    assertThat(p.incident().impactPercent()).isEqualTo(impact);
    assertThat(p.incident().rootCause()).isNotBlank();
  }
}
