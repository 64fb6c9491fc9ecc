package dev.followthrough.core.importer;

import static dev.followthrough.core.importer.Parsing.md;
import static org.assertj.core.api.Assertions.assertThat;

import dev.followthrough.core.model.Postmortem;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Pattern 1: a heading inside a timeline or an action list does not end it. */
class SubHeadingsTest {
  @Test
  void timeHeadingsUnderTimelineAreEntriesWithTheParagraphBelowAsText() {
    Postmortem p = md("""
        # Queue stall

        ## Summary

        On 2024-05-02 the queue stalled.

        ## Timeline

        ### 4:19

        Workers stop acking messages.
        Backlog grows on every partition.

        1. A detail that is not an entry
        2. Another detail

        ### 4:40

        Workers restarted; backlog drains.

        ## Action items

        - Alert on the age of the oldest message
        """);
    assertThat(p.timeline()).extracting("at").containsExactly(
        Instant.parse("2024-05-02T04:19:00Z"), Instant.parse("2024-05-02T04:40:00Z"));
    assertThat(p.timeline().get(0).text()).isEqualTo("Workers stop acking messages. Backlog grows on every partition.");
    assertThat(p.actionItems()).extracting("title").containsExactly("Alert on the age of the oldest message");
  }

  @Test
  void groupHeadingsUnderActionItemsKeepEveryGroupsItems() {
    Postmortem p = md("""
        # Queue stall

        ## Action items

        ### Process

        - Review the on-call handover checklist

        ### Infrastructure

        - Add a second broker
        - Raise the partition count

        ## Lessons learned

        - Backlogs hide behind healthy workers
        """);
    assertThat(p.actionItems()).extracting("title").containsExactly(
        "Review the on-call handover checklist", "Add a second broker", "Raise the partition count");
    assertThat(p.sections()).containsKey("Lessons learned");
  }

  @Test
  void aDeeperSectionNameStillStartsItsOwnSection() {
    Postmortem p = md("""
        # Queue stall

        ## Remediation

        ### Corrective measures

        - Restart the stuck consumer

        ### Preventive measures

        - Alert on consumer lag
        """);
    assertThat(p.measures()).extracting("kind").map(Object::toString).containsExactly("CORRECTIVE", "PREVENTIVE");
  }
}
