package dev.followthrough.core.importer;

import static dev.followthrough.core.importer.Parsing.md;
import static org.assertj.core.api.Assertions.assertThat;

import dev.followthrough.core.model.ActionItem;
import dev.followthrough.core.model.Postmortem;
import org.junit.jupiter.api.Test;

/** Items that share a "Name:" are told apart by the sentence after the name. */
class DuplicateNamesTest {
  @Test
  void aSharedNameKeepsTheFirstSentenceOfEachItem() {
    Postmortem p = md("""
        # Wrong cluster

        ## Action items

        - Harden the deploy job: check the cluster name before applying. Stops runs on the wrong cluster.
        - Write a runbook: how to undo an apply on the wrong cluster.
        - Harden the deploy job: switch the kube context explicitly before each apply.
        """);
    assertThat(p.actionItems()).extracting(ActionItem::title).containsExactly(
        "Harden the deploy job: check the cluster name before applying",
        "Write a runbook",
        "Harden the deploy job: switch the kube context explicitly before each apply");
    assertThat(p.actionItems().get(0).description()).isEqualTo("Stops runs on the wrong cluster.");
  }
}
