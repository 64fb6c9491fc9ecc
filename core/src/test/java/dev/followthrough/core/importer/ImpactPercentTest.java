package dev.followthrough.core.importer;

import static dev.followthrough.core.importer.Parsing.md;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Pattern 10: the impact percent in bullets, sentences and table cells. */
class ImpactPercentTest {
  @Test
  void bulletsUnderAnImpactHeading() {
    var p = md("# Slow search\n\n## Impact\n\n- Search p99 rose to 4 s\n- 35% of queries timed out\n");
    assertThat(p.incident().impactPercent()).isEqualTo(35.0);
  }

  @Test
  void sentenceInTheSummary() {
    var p = md("# Slow search\n\n## Summary\n\nThe index rebuilt for an hour. About 12 percent of users saw empty results.\n");
    assertThat(p.incident().impactPercent()).isEqualTo(12.0);
  }

  @Test
  void brJoinedTableCell() {
    var p = md("# Slow search\n\n## Impact\n\n| What | Detail |\n|---|---|\n| Users | Search only<br>18% of users affected |\n");
    assertThat(p.incident().impactPercent()).isEqualTo(18.0);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = ';', value = {
    "Error budget is 99.9% monthly, 40% of requests failed; 40.0",
    "approximately 25% of users; 25.0",
    "availability SLO 99.95%, 7 percent of checkouts failed; 7.0",
  })
  void theAffectedShareWins(String text, double percent) {
    assertThat(ImpactPercent.of(text)).isEqualTo(percent);
  }
}
