package dev.followthrough.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.followthrough.core.ValidationException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class ModelValidationTest {

  @Test
  void blankTitleNamesTheField() {
    assertThatThrownBy(() -> ActionItem.open("a1", "  "))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("title: must not be blank");
  }

  @Test
  void endBeforeStartIsRefused() {
    Instant start = Instant.parse("2025-05-03T14:05:00Z");
    assertThatThrownBy(() -> new IncidentSummary(null, start, start.minusSeconds(60), null, null, null, null, null, null))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("end:")
        .hasMessageContaining("before start");
  }

  @Test
  void impactOutsideZeroToHundredIsRefused() {
    assertThatThrownBy(() -> new IncidentSummary(null, null, null, null, null, null, 120.0, null, null))
        .hasMessageContaining("impactPercent: 120.0 is outside 0 to 100");
  }

  @Test
  void everyProblemOfAnItemIsReportedAtOnce() {
    ValidationException e = (ValidationException) org.assertj.core.api.Assertions.catchThrowable(() ->
        new ActionItem("Not A Slug", "", null, null, null, null, null, null, null, null, null, false, null));
    assertThat(e.problems()).hasSize(3)
        .anySatisfy(p -> assertThat(p).startsWith("id:"))
        .anySatisfy(p -> assertThat(p).startsWith("title:"))
        .anySatisfy(p -> assertThat(p).startsWith("status:"));
  }

  @Test
  void durationIsDerivedFromStartAndEnd() {
    IncidentSummary s = new IncidentSummary(null, Instant.parse("2025-05-03T14:05:00Z"),
        Instant.parse("2025-05-03T18:40:00Z"), 1L, null, null, null, null, null);
    assertThat(s.durationMinutes()).isEqualTo(275);
    assertThat(s.date()).isEqualTo(LocalDate.of(2025, 5, 3));
  }

  @Test
  void duplicateItemIdsAreRefused() {
    assertThatThrownBy(() -> new Postmortem("p", "T", null, null, null, null,
        List.of(ActionItem.open("a", "One"), ActionItem.open("a", "Two")), null, null))
        .hasMessageContaining("actionItems: two items share an id");
  }

  @Test
  void overdueNeedsAPastDueDateAndAnOpenStatus() {
    ActionItem item = ActionItem.open("a", "Fix it").withDueDate(LocalDate.of(2025, 1, 10));
    assertThat(item.isOverdue(LocalDate.of(2025, 1, 11))).isTrue();
    assertThat(item.isOverdue(LocalDate.of(2025, 1, 10))).isFalse();
    assertThat(item.withStatus(ItemStatus.DONE).isOverdue(LocalDate.of(2025, 2, 1))).isFalse();
    assertThat(item.withStatus(ItemStatus.WONT_DO).isOverdue(LocalDate.of(2025, 2, 1))).isFalse();
  }

  @Test
  void prioritiesAreReadInTheirCommonSpellings() {
    assertThat(Priority.parse("p1")).contains(Priority.P1);
    assertThat(Priority.parse("High")).contains(Priority.P2);
    assertThat(Priority.parse("medium")).contains(Priority.P3);
    assertThat(Priority.parse("low")).contains(Priority.P4);
    assertThat(Priority.parse("P9")).isEmpty();
  }
}
