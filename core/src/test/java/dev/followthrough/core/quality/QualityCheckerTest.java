package dev.followthrough.core.quality;

import static org.assertj.core.api.Assertions.assertThat;

import dev.followthrough.core.model.ActionItem;
import dev.followthrough.core.model.Postmortem;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class QualityCheckerTest {
  private final QualityChecker checker = QualityChecker.standard();

  private static ActionItem item(String title) {
    return ActionItem.open("a1", title).withOwner("erin").withDueDate(LocalDate.of(2026, 1, 10));
  }

  private List<QualityRule> rules(ActionItem item) {
    return checker.check(item).stream().map(QualityFinding::rule).toList();
  }

  @Test
  void aSoftVerbWithoutMeasurableObjectIsVagueAndUnbounded() {
    assertThat(rules(item("Improve database monitoring"))).contains(QualityRule.VAGUE, QualityRule.UNBOUNDED);
  }

  @Test
  void aSoftVerbWithASpecificQuestionIsNotVague() {
    assertThat(rules(item("Investigate why the pool_size setting was ignored"))).doesNotContain(QualityRule.VAGUE);
  }

  @Test
  void aConcreteItemWithAThresholdHasNoWordingFinding() {
    assertThat(rules(item("Add an alert when disk space is below 10%")))
        .doesNotContain(QualityRule.VAGUE, QualityRule.UNBOUNDED, QualityRule.TOO_BROAD);
  }

  @Test
  void aComparisonWithoutNumberIsUnbounded() {
    assertThat(rules(item("Setup better Grafana dashboards"))).contains(QualityRule.UNBOUNDED)
        .doesNotContain(QualityRule.VAGUE);
  }

  @Test
  void twoActionsJoinedByAndAreTooBroad() {
    assertThat(rules(item("Setup logging for ipamd and setup alerts on prefix errors"))).contains(QualityRule.TOO_BROAD);
    assertThat(rules(item("Setup monitoring and alerting for file watches"))).doesNotContain(QualityRule.TOO_BROAD);
  }

  @Test
  void ownerDueDateAndCriterionRules() {
    ActionItem bare = ActionItem.open("a1", "Add an alert on 5xx above 1%");
    assertThat(rules(bare)).contains(QualityRule.NO_OWNER, QualityRule.NO_DUE_DATE, QualityRule.NO_CRITERION);
    assertThat(rules(bare.withOwner("sre-team"))).contains(QualityRule.TEAM_OWNER).doesNotContain(QualityRule.NO_OWNER);
    assertThat(rules(bare.withOwner("@acme/platform"))).contains(QualityRule.TEAM_OWNER);
    assertThat(rules(bare.withOwner("erin"))).doesNotContain(QualityRule.TEAM_OWNER);
    assertThat(QualityChecker.of(new LintSettings(null, List.of("storage"))).isTeam("storage")).isTrue();
  }

  @Test
  void aPostmortemWithoutDetectingOrPreventingItemsIsFlagged() {
    Postmortem onlyDocs = new Postmortem("pm", "Outage", null, null, null, null,
        List.of(item("Write the release checklist")), null, null);
    assertThat(checker.check(onlyDocs).stream().map(QualityFinding::rule))
        .contains(QualityRule.NO_DETECTION_ITEM, QualityRule.NO_PREVENTION_ITEM);
    Postmortem both = onlyDocs.withActionItems(List.of(item("Add an alert on queue depth above 1000").withTitle(
        "Add an alert on queue depth above 1000"), ActionItem.open("a2", "Add a test for the retry limit")));
    assertThat(checker.check(both).stream().map(QualityFinding::rule))
        .doesNotContain(QualityRule.NO_DETECTION_ITEM, QualityRule.NO_PREVENTION_ITEM);
  }

  @Test
  void aRuleSwitchedOffOrRaisedToErrorIsHonoured() {
    QualityChecker strict = QualityChecker.of(LintSettings.standard()
        .withLevel(QualityRule.VAGUE, QualityRule.Level.ERROR).withLevel(QualityRule.NO_CRITERION, QualityRule.Level.OFF));
    List<QualityFinding> found = strict.check(item("Improve database monitoring"));
    assertThat(found).filteredOn(f -> f.rule() == QualityRule.VAGUE).extracting(QualityFinding::level)
        .containsExactly(QualityRule.Level.ERROR);
    assertThat(found).noneMatch(f -> f.rule() == QualityRule.NO_CRITERION);
  }
}
