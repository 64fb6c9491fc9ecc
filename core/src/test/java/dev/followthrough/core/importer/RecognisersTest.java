package dev.followthrough.core.importer;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The small recognisers the readers are built from, each on its own. */
class RecognisersTest {
  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = ';', nullValues = "-", value = {
    "All times in UTC.; -; Z",
    "All times are PST; -; -08:00",
    "2019-01-22 (all times UTC); 2019-01-22; Z",
    "Tuesday, 22 January 2019; 2019-01-22; -",
    "*(All times US/Pacific, 24-hour clock.)*; -; US/Pacific",
  })
  void timelineContextLines(String line, String date, String zone) {
    TimelineContext c = TimelineContext.of(line).orElseThrow();
    assertThat(c.date()).isEqualTo(date == null ? null : LocalDate.parse(date));
    assertThat(c.zone()).isEqualTo(zone == null ? null : ZoneId.of(zone));
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"10:15 Alert fires", "Deploy the fix to all regions", "The times are hard to read"})
  void entriesAreNoContextLines(String line) {
    assertThat(TimelineContext.of(line)).isEmpty();
  }

  @Test
  void zonesByNameOffsetAndRegion() {
    assertThat(Zones.named("GMT+02:00")).contains(ZoneOffset.ofHours(2));
    assertThat(Zones.named("utc-5")).contains(ZoneOffset.ofHours(-5));
    assertThat(Zones.named("Pacific Time")).contains(ZoneId.of("America/Los_Angeles"));
    assertThat(Zones.named("Alert")).isEmpty();
    assertThat(Zones.find("times in Europe/Berlin")).contains(ZoneId.of("Europe/Berlin"));
  }

  @Test
  void firstSentenceSkipsAbbreviations() {
    String text = "Use managed databases (i.e. Cloud SQL) for new customers. Migrate the old ones later.";
    assertThat(text.substring(0, Sentences.firstEnd(text))).isEqualTo("Use managed databases (i.e. Cloud SQL) for new customers.");
    assertThat(Sentences.firstEnd("One sentence only.")).isNegative();
  }

  @Test
  void keywordRulesMatchWordsStemsAndPhrases() {
    KeywordRule rule = new KeywordRule(List.of("alert\\w*", "noticed", "back to normal", "procedures?"));
    assertThat(rule.matches("the alerting fired")).isTrue();
    assertThat(rule.matches("someone noticed")).isTrue();
    assertThat(rule.matches("latency back to normal")).isTrue();
    assertThat(rule.matches("write the procedure")).isTrue();
    assertThat(rule.matches("unnoticed drift")).isFalse();
  }

  @Test
  void labelStartsAreShortLabelsFollowedByABlank() {
    assertThat(LabelledLists.startsWithLabel("Impact: most users")).isTrue();
    assertThat(LabelledLists.startsWithLabel("Time to repair: 1h 28m")).isTrue();
    assertThat(LabelledLists.startsWithLabel("**Review actions**:")).isTrue();
    assertThat(LabelledLists.startsWithLabel("at 14:05 the alert fired")).isFalse();
    assertThat(LabelledLists.startsWithLabel("one two three four five: text")).isFalse();
    assertThat(LabelledLists.startsWithLabel(" Impact: most users")).isFalse();
  }

  @Test
  void impossibleDatesAreFoundAsWritten() {
    assertThat(Dates.impossibleDates("between February 30, 2024 and 2024-02-31")).containsExactly("2024-02-31", "February 30, 2024");
    assertThat(Dates.impossibleDates("February 29, 2024")).isEmpty();
  }

  @Test
  void verificationLinesAndColumns() {
    assertThat(VerificationLine.criterion("Success criteria: no pages for a week")).contains("no pages for a week");
    assertThat(VerificationLine.criterion("**Verify:** error rate under 1%")).contains("error rate under 1%");
    assertThat(VerificationLine.criterion("Verify the backups")).isEmpty();
    assertThat(VerificationLine.isColumn("Validation")).isTrue();
    assertThat(VerificationLine.isColumn("Owner")).isFalse();
  }
}
