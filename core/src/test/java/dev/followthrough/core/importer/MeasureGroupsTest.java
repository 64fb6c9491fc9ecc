package dev.followthrough.core.importer;

import static dev.followthrough.core.importer.Parsing.txt;
import static org.assertj.core.api.Assertions.assertThat;

import dev.followthrough.core.model.Postmortem;
import org.junit.jupiter.api.Test;

/** Pattern 11: a measures group heading over several sub-lines, or over one. */
class MeasureGroupsTest {
  static final String DOC = """
      Summary:
      On 2022-01-10 the API returned errors.
      Corrective and Preventative Measures:
      Monitoring Enhancements:
      Alert on the API error rate.
      Alert on the database connection count.
      Deployment Process:
      Run database migrations in a separate step.
      """;

  @Test
  void severalSubLinesAreItemsOfTheGroupsMeasure() {
    Postmortem p = txt(DOC);
    assertThat(p.measures()).extracting("title").containsExactly("Monitoring Enhancements", "Deployment Process");
    assertThat(p.actionItems()).extracting("title").containsExactly(
        "Alert on the API error rate", "Alert on the database connection count", "Deployment Process");
    assertThat(p.actionItems().get(1).measureId()).isEqualTo(p.measures().get(0).id());
  }

  @Test
  void oneSubLineIsTheDescriptionOfTheHeadingItem() {
    Postmortem p = txt(DOC);
    assertThat(p.actionItems().get(2).description()).isEqualTo("Run database migrations in a separate step.");
  }
}
