package dev.followthrough.core.quality;

import dev.followthrough.core.model.ActionItem;
import dev.followthrough.core.model.Finding;
import dev.followthrough.core.model.Postmortem;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Finds what makes action items hard to follow through, after Google's SRE guidance on postmortem
 * action items (actionable, specific, bounded, one owner; items that detect and that prevent).
 *
 * <p>Judge a postmortem as its document states it, before a due-date policy fills dates in, or
 * {@code no-due-date} cannot be told. Thread-safe.
 */
public final class QualityChecker {
  private static final Pattern TEAM_WORD = Pattern.compile(
      "(^|[-_. ])(team|squad|group|crew|guild|ops|devops|sre|sres|oncall|on-call|platform|infra|infrastructure|"
          + "eng|engineering|everyone|all)($|[-_. ])");
  private static final Set<String> DETECTING = Stems.of("""
      alert alerts alerting alarm alarms monitor monitoring dashboard dashboards metric metrics page paging log
      logging detect detection notification notify probe probes healthcheck health observability visibility
      canary pingdom watch report""");
  private static final Set<String> PREVENTING = Stems.of("""
      prevent prevention test tests testing validate validation guard guards limit limits enforce block restrict
      protect fix migrate replace remove disable automate backup backups separate isolate upgrade rollback
      policy constraint constraints redundancy failover review rotate revoke""");

  private final LintSettings settings;

  private QualityChecker(LintSettings settings) {
    this.settings = settings;
  }

  public static QualityChecker of(LintSettings settings) {
    return new QualityChecker(settings == null ? LintSettings.standard() : settings);
  }

  public static QualityChecker standard() {
    return of(LintSettings.standard());
  }

  /** Every finding of every rule that is on: per item in document order, then on the whole postmortem. */
  public List<QualityFinding> check(Postmortem postmortem) {
    List<QualityFinding> findings = new ArrayList<>();
    postmortem.actionItems().stream().filter(i -> !i.missingFromSource()).forEach(i -> findings.addAll(check(i)));
    findings.addAll(onTheWhole(postmortem.actionItems()));
    return List.copyOf(findings);
  }

  private List<QualityFinding> onTheWhole(List<ActionItem> items) {
    List<QualityFinding> findings = new ArrayList<>();
    if (items.stream().noneMatch(i -> serves(i, "detect", DETECTING))) {
      add(findings, QualityRule.NO_DETECTION_ITEM, null, null,
          "No action item would notice this failure sooner next time (an alert, a dashboard, a probe).",
          "Add an item that detects it, such as an alert with a threshold.");
    }
    if (items.stream().noneMatch(i -> serves(i, "prevent", PREVENTING))) {
      add(findings, QualityRule.NO_PREVENTION_ITEM, null, null,
          "No action item would stop this failure from happening again.",
          "Add an item that removes the cause or guards against it, such as a test or a limit.");
    }
    return List.copyOf(findings);
  }

  /**
   * The postmortem with its findings stored on it: each item's on the item, the others on the
   * postmortem. Items missing from the document keep what they had.
   */
  public Postmortem annotate(Postmortem postmortem) {
    List<ActionItem> items = postmortem.actionItems().stream()
        .map(i -> i.missingFromSource() ? i : i.withQuality(check(i).stream().map(QualityFinding::toFinding).toList()))
        .toList();
    List<Finding> whole = onTheWhole(postmortem.actionItems()).stream().map(QualityFinding::toFinding).toList();
    return postmortem.withActionItems(items).withQuality(whole);
  }

  /** The findings on one item. */
  public List<QualityFinding> check(ActionItem item) {
    List<QualityFinding> findings = new ArrayList<>();
    String id = item.id();
    Integer line = item.line();
    Wording.Verdict wording = Wording.judge(item.title());
    if (wording.vague()) {
      add(findings, QualityRule.VAGUE, id, line, wording.action() == null
          ? "It names no work to do: no verb such as add, fix, migrate or document."
          : "'" + wording.action() + "' names an effort, not a piece of work, and no measurable object follows.",
          "Start with a verb that names the work and say what it changes (\"Add an alert on pool usage above 80%\").");
    }
    if (wording.unbounded()) {
      add(findings, QualityRule.UNBOUNDED, id, line,
          "Nothing says when it is done: no number, threshold, named artefact or end state.",
          "State the end state, such as a number, a threshold or the artefact that will exist.");
    }
    if (wording.actions() > 1) {
      add(findings, QualityRule.TOO_BROAD, id, line,
          "It holds " + wording.actions() + " actions in one item, so it cannot be closed one at a time.",
          "Split it into one item per action.");
    }
    if (item.owner() == null) {
      add(findings, QualityRule.NO_OWNER, id, line, "Nobody owns it, so nobody is bound to do it.",
          "Name one person as owner (owner: @handle).");
    } else if (isTeam(item.owner())) {
      add(findings, QualityRule.TEAM_OWNER, id, line,
          "Its owner '" + item.owner() + "' is a team, and a team's item is everyone's and no one's.",
          "Name one person in that team as owner.");
    }
    if (item.dueDate() == null) {
      add(findings, QualityRule.NO_DUE_DATE, id, line, "The document gives it no due date; only the policy's default will.",
          "Write a due date (due: YYYY-MM-DD) agreed with its owner.");
    }
    if (item.verificationCriterion() == null) {
      add(findings, QualityRule.NO_CRITERION, id, line, "It has no criterion that tells whether it worked.",
          "Add a line under it such as 'Verify: no pool exhaustion alert for 30 days'.");
    }
    return List.copyOf(findings);
  }

  /** Whether an owner name is a team: listed in {@code lint.teams}, an {@code org/team} handle or a team word. */
  public boolean isTeam(String owner) {
    String name = owner.strip().toLowerCase(Locale.ROOT).replaceFirst("^@", "");
    String local = name.contains("@") ? name.substring(0, name.indexOf('@')) : name;
    return settings.teams().contains(name) || settings.teams().contains(local) || name.contains("/")
        || TEAM_WORD.matcher(local).find();
  }

  private static boolean serves(ActionItem item, String type, Set<String> stems) {
    if (item.type() != null && item.type().toLowerCase(Locale.ROOT).contains(type)) {
      return true;
    }
    return Stems.words(item.title()).stream().anyMatch(w -> stems.contains(w.stem()));
  }

  private void add(List<QualityFinding> findings, QualityRule rule, String itemId, Integer line, String why,
      String fix) {
    QualityRule.Level level = settings.level(rule);
    if (level != QualityRule.Level.OFF) {
      findings.add(new QualityFinding(rule, level, itemId, line, why, fix));
    }
  }
}
