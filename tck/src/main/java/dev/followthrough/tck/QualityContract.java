package dev.followthrough.tck;

import static org.assertj.core.api.Assertions.assertThat;

import dev.followthrough.core.model.ActionItem;
import dev.followthrough.core.model.Finding;
import dev.followthrough.core.model.Postmortem;
import dev.followthrough.core.store.ActionStore;
import dev.followthrough.core.store.ItemQuery;
import dev.followthrough.core.store.QualityCount;
import dev.followthrough.core.store.ReportData;
import dev.followthrough.core.store.StoredPostmortem;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Quality findings in a store: kept with items and postmortems ({@code null}, never checked, stays
 * apart from an empty list, checked and clean), and counted for reports as reading every
 * postmortem counts them. Part of {@link StoreContractKit}.
 */
public interface QualityContract {
  ActionStore storeUnderTest();

  @Test
  default void qualityFindingsSurviveARoundTrip() {
    Finding vague = new Finding("vague", Finding.Level.WARNING, "'Improve' names an effort.", "Name the work.");
    Finding noOwner = new Finding("no-owner", Finding.Level.ERROR, "Nobody owns it.", "Name one person.");
    Postmortem p = new Postmortem("p1", "Title", null, null, null, null, List.of(
        ActionItem.open("judged", "Improve monitoring").withQuality(List.of(vague, noOwner)),
        ActionItem.open("clean", "Add an alert at 80% pool use").withOwner("erin").withQuality(List.of()),
        ActionItem.open("unchecked", "Never judged")), null, null)
        .withQuality(List.of(new Finding("no-prevention-item", Finding.Level.WARNING, "Nothing prevents it.", "Add one.")));
    storeUnderTest().insert(p);
    Postmortem read = storeUnderTest().find("p1").orElseThrow().postmortem();
    assertThat(read).isEqualTo(p);
    // Never checked (null) stays apart from checked and clean (empty).
    assertThat(read.item("clean").orElseThrow().quality()).isEmpty();
    assertThat(read.item("unchecked").orElseThrow().quality()).isNull();
    Postmortem rechecked = read.withItem(read.item("judged").orElseThrow().withQuality(List.of(vague)));
    storeUnderTest().update(rechecked, 1);
    assertThat(storeUnderTest().find("p1").orElseThrow().postmortem()).isEqualTo(rechecked);
    assertThat(storeUnderTest().findItems(ItemQuery.all())).extracting(r -> r.item().quality())
        .containsExactly(List.of(vague), List.of(), null);
  }

  @Test
  default void qualityCountsAgreeWithReadingEveryPostmortem() {
    Finding warning = new Finding("no-criterion", Finding.Level.WARNING, "No criterion.", "Add one.");
    Finding error = new Finding("no-owner", Finding.Level.ERROR, "Nobody owns it.", "Name one person.");
    storeUnderTest().insert(new Postmortem("a", "A", null, null, null, null, List.of(
        ActionItem.open("w", "W").withOwner("erin").withQuality(List.of(warning)),
        ActionItem.open("e", "E").withQuality(List.of(warning, error)),
        ActionItem.open("clean", "Clean").withOwner("erin").withQuality(List.of()),
        ActionItem.open("old", "Old").withOwner("sam"),
        ActionItem.open("gone", "Gone").withOwner("erin").withQuality(List.of(error)).withMissingFromSource(true)),
        null, null));
    storeUnderTest().insert(new Postmortem("b", "B", null, null, null, null, List.of(
        ActionItem.open("x", "X").withOwner("erin").withQuality(List.of(error))), null, null).withQuality(List.of()));
    List<Postmortem> all = storeUnderTest().findAll().stream().map(StoredPostmortem::postmortem).toList();

    List<QualityCount> counts = storeUnderTest().reportData().qualityCounts();

    assertThat(counts).containsExactlyInAnyOrderElementsOf(ReportData.of(all).qualityCounts())
        .contains(new QualityCount("a", "erin", 2, 2, 1, 0), new QualityCount("a", null, 1, 1, 1, 1),
            new QualityCount("a", "sam", 1, 0, 0, 0), new QualityCount("b", "erin", 1, 1, 1, 1));
  }
}
