package dev.followthrough.core.importer;

import static dev.followthrough.core.importer.Parsing.md;
import static dev.followthrough.core.importer.Parsing.txt;
import static org.assertj.core.api.Assertions.assertThat;

import dev.followthrough.core.json.JsonFormat;
import dev.followthrough.core.model.Postmortem;
import org.junit.jupiter.api.Test;

/** The criterion a document writes after an item ("Verify: …") is read into the item. */
class VerificationCriterionTest {
  @Test
  void subBulletNextLineAndTableColumnAreRead() {
    Postmortem p = md("""
        # Disk full

        ## Action items

        - Expire artifacts older than 30 days
          - Verify: disk usage stays under 70% for a month
        - Alert at 80% disk usage
          Success criteria: the alert fires in the next game day
        - Write a runbook entry

        | Action item | Owner | Validation |
        |---|---|---|
        | Move the cache to its own disk | noor | cache disk never shares IO with builds |
        """);
    assertThat(p.actionItems()).extracting("verificationCriterion").containsExactly(
        "disk usage stays under 70% for a month", "the alert fires in the next game day", null,
        "cache disk never shares IO with builds");
    assertThat(p.actionItems().get(0).description()).isNull();
  }

  @Test
  void plainTextLineAfterAnItem() {
    Postmortem p = txt("""
        Summary:
        Disk filled up.
        Tasks to Address the Issue:
        Expire old artifacts
        Verification: disk usage below 70% after a week
        Add an alert on disk usage
        """);
    assertThat(p.actionItems()).extracting("title").containsExactly("Expire old artifacts", "Add an alert on disk usage");
    assertThat(p.actionItems().get(0).verificationCriterion()).isEqualTo("disk usage below 70% after a week");
  }

  @Test
  void criterionRoundTripsThroughJson() {
    var result = Parsing.markdown("# X\n\n## Action items\n\n- Add an alert\n  - Validation: fires in a drill\n");
    String json = JsonFormat.json().write(result);
    assertThat(json).contains("\"verificationCriterion\" : \"fires in a drill\"");
    assertThat(JsonFormat.json().read(json, "x.json").postmortem()).isEqualTo(result.postmortem());
  }
}
