package dev.followthrough.core.importer;

import static dev.followthrough.core.importer.Parsing.md;
import static dev.followthrough.core.importer.Parsing.txt;
import static org.assertj.core.api.Assertions.assertThat;

import dev.followthrough.core.model.ItemStatus;
import dev.followthrough.core.model.Postmortem;
import org.junit.jupiter.api.Test;

/** Pattern 7: prose in a list section is no item; one line of ✅-separated measures is several. */
class ProseAndMeasuresTest {
  @Test
  void legendsSignOffsAndClosingParagraphsAreNotItems() {
    Postmortem p = md("""
        # Login outage

        ## Action items

        Every item below has a ticket, so nothing gets forgotten after the review.

        - ✅ = done, ⏳ = in progress
        - Rotate the signing keys
        - Add an alert on login failures

        Moral of the story: test the failover before you need it.

        Sincerely,

        The Identity Team
        """);
    assertThat(p.actionItems()).extracting("title").containsExactly("Rotate the signing keys", "Add an alert on login failures");
  }

  @Test
  void conclusionInsideAPlainTextListIsNotAnItem() {
    Postmortem p = txt("""
        Summary:
        Login failed for an hour.
        Corrective and Preventative Measures:
        Rotate the signing keys
        Add an alert on login failures
        Conclusion
        """);
    assertThat(p.actionItems()).extracting("title").containsExactly("Rotate the signing keys", "Add an alert on login failures");
  }

  @Test
  void checkSeparatedMeasuresOnOneLineAreSeveral() {
    Postmortem p = txt("""
        Summary:
        Login failed for an hour.
        Corrective and Preventative Measures:
        Keys rotated ✅ Alert on login failures added ✅ Runbook written ✅
        """);
    assertThat(p.measures()).extracting("title").containsExactly("Keys rotated", "Alert on login failures added", "Runbook written");
    assertThat(p.actionItems()).allSatisfy(i -> assertThat(i.status()).isEqualTo(ItemStatus.DONE));
  }
}
