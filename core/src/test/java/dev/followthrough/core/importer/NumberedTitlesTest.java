package dev.followthrough.core.importer;

import static dev.followthrough.core.importer.Parsing.md;
import static org.assertj.core.api.Assertions.assertThat;

import dev.followthrough.core.model.ItemStatus;
import dev.followthrough.core.model.Postmortem;
import org.junit.jupiter.api.Test;

/** Pattern 9: a bold numbered line titles the bullets below it; nested tasks keep their own state. */
class NumberedTitlesTest {
  @Test
  void boldNumberedLineIsTheTitleAndItsBulletsTheDescription() {
    Postmortem p = md("""
        # Proxy outage

        ## Action items

        **1. Review Proxy Configuration Files:**

        - Check every upstream block against the service list.
        - Remove the unused upstreams.

        **2. Add a Config Linter:**

        - Run the linter in CI.
        """);
    assertThat(p.actionItems()).extracting("title").containsExactly("1. Review Proxy Configuration Files", "2. Add a Config Linter");
    assertThat(p.actionItems().get(0).description()).contains("Check every upstream block").contains("Remove the unused upstreams");
  }

  @Test
  void nestedTasksKeepTheirOwnDoneState() {
    Postmortem p = md("""
        # Proxy outage

        ## Action items

        - [ ] Harden the proxy
          - [x] Pin the proxy version
          - [ ] Add a canary for proxy changes
        """);
    assertThat(p.actionItems()).extracting("title", "status").containsExactly(
        org.assertj.core.groups.Tuple.tuple("Harden the proxy", ItemStatus.OPEN),
        org.assertj.core.groups.Tuple.tuple("Pin the proxy version", ItemStatus.DONE),
        org.assertj.core.groups.Tuple.tuple("Add a canary for proxy changes", ItemStatus.OPEN));
  }
}
