package dev.followthrough.core.importer;

import static dev.followthrough.core.importer.Parsing.md;
import static org.assertj.core.api.Assertions.assertThat;

import dev.followthrough.core.model.ActionItem;
import dev.followthrough.core.model.Postmortem;
import org.junit.jupiter.api.Test;

/** Lists that explain a table, and nested lines that name a task's scope, are no items. */
class LegendsAndScopesTest {
  @Test
  void aListExplainingTheTablesValuesIsNoItem() {
    Postmortem p = md("""
        # Cache corruption

        ## Action items

        Each action has a kind:
        * Guard - Stop the same fault from happening again.
        * Spot - Notice the fault sooner.

        And a priority:
        * High - Needed before the next release.
        * Low - Nice to have.

        | Action | Kind | Priority |
        |---|---|---|
        | Checksum every cache page | Guard | High |
        | Alert on checksum mismatches | Spot | Low |
        """);
    assertThat(p.actionItems()).extracting(ActionItem::title)
        .containsExactly("Checksum every cache page", "Alert on checksum mismatches");
  }

  @Test
  void aDashedBulletWhoseTermIsNoTableValueStaysAnItem() {
    Postmortem p = md("""
        # Cache corruption

        ## Action items

        * Checksums - add them to every cache page
        * Alerts - page on mismatches
        """);
    assertThat(p.actionItems()).hasSize(2);
  }

  @Test
  void nestedLinesWithoutAVerbNameTheScopeAndVerbLedOnesAreSteps() {
    Postmortem p = md("""
        # Leaked deploy key

        ## Follow-up actions

        1. Audit deploy keys across all projects
            1. Keys in the CI system
            2. Keys on build hosts
            3. Replace shared keys with per-project ones
            4. Add key expiry to the onboarding guide
              - Key length
              - Rotation period
        """);
    assertThat(p.actionItems()).extracting(ActionItem::title).containsExactly(
        "Audit deploy keys across all projects",
        "Replace shared keys with per-project ones",
        "Add key expiry to the onboarding guide");
    assertThat(p.actionItems().get(0).description()).contains("Keys in the CI system");
  }
}
