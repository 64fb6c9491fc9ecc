package dev.followthrough.core.importer;

import static dev.followthrough.core.importer.Parsing.md;
import static org.assertj.core.api.Assertions.assertThat;

import dev.followthrough.core.model.ActionItem;
import dev.followthrough.core.model.ItemStatus;
import dev.followthrough.core.model.Postmortem;
import org.junit.jupiter.api.Test;

/** Items reported as already carried out are done; a ticket or plan for the work is not the work. */
class PastTenseItemsTest {
  @Test
  void itemsUnderALabelOfWorkCarriedOutAreDone() {
    Postmortem p = md("""
        # Relay outage

        ## Resolving the issue

        **Immediate fixes:**

        - Scale up nodes: four times the capacity
        - Clear logs: free the disk

        **Short-term improvements:**

        - Alert on relay memory use
        - Move the busiest relay to a larger server
        """);
    assertThat(p.actionItems()).extracting(ActionItem::status)
        .containsExactly(ItemStatus.DONE, ItemStatus.DONE, ItemStatus.OPEN, ItemStatus.OPEN);
  }

  @Test
  void aPastFormDescribingTheThingToHaveIsNoReport() {
    Postmortem p = md("""
        # Cache outage

        ## Action items

        - Automated detection of cache misses over 50%
        - Dedicated runbook for cache failover
        - Automated the cache warm-up after deploys
        """);
    assertThat(p.actionItems()).extracting(ActionItem::status)
        .containsExactly(ItemStatus.OPEN, ItemStatus.OPEN, ItemStatus.DONE);
  }

  @Test
  void workReportedInThePastIsDone() {
    Postmortem p = md("""
        # Token leak

        ## What we're doing about it

        - We revoked every token issued before the leak.
        - The old upload endpoint has been switched off on all hosts.
        - Migrated the build cache to a private bucket.
        - Opened a ticket to move the remaining secrets to the vault.
        - Started a plan for yearly key rotation.
        - Automated Secret Scanning
        - We are writing a guide for handling leaked tokens.
        """);
    assertThat(p.actionItems()).extracting(ActionItem::status).containsExactly(
        ItemStatus.DONE, ItemStatus.DONE, ItemStatus.DONE, ItemStatus.OPEN, ItemStatus.OPEN, ItemStatus.OPEN,
        ItemStatus.OPEN);
    assertThat(p.actionItems().get(6).title()).isEqualTo("We are writing a guide for handling leaked tokens");
  }

  @Test
  void aClosingWeSentenceThatPromisesNothingIsNoItem() {
    Postmortem p = md("""
        # Token leak

        ## Follow-up

        - Rotate the signing keys
        - We believe these steps will keep tokens safe.
        """);
    assertThat(p.actionItems()).extracting(ActionItem::title).containsExactly("Rotate the signing keys");
  }
}
