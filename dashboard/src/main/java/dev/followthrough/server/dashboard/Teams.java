package dev.followthrough.server.dashboard;

import dev.followthrough.core.model.ActionItem;
import dev.followthrough.core.model.Postmortem;
import dev.followthrough.core.quality.LintSettings;
import dev.followthrough.core.quality.QualityChecker;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Which team an item belongs to. Where the configuration has {@code lint.teams}, it is the team
 * {@code report} counts the item's quality under ({@link LintSettings#teamOf}: the team listing the
 * owner among its members, else the owner as written), so the dashboard's teams and the report's
 * agree. Only without {@code lint.teams} is a team read from the owners: an item owned by a team
 * ({@code release-team}, {@code @org/payments}, {@code sre}) is that team's; an item owned by a
 * person belongs to the team that owns most of its postmortem's other items (a document's front
 * matter {@code owner: release-team} gives every item without an owner of its own to that team);
 * else to no team.
 */
final class Teams {
  static final String NO_TEAM = "(no team)";
  /** The team of an item without an owner where {@code lint.teams} decides: as {@code report} names it. */
  static final String NO_OWNER = "(no owner)";

  private final LintSettings lint;
  private final boolean configured;
  private final QualityChecker checker;
  private final Map<String, String> byPostmortem = new HashMap<>();

  Teams(LintSettings lint, List<Postmortem> postmortems) {
    this.lint = lint;
    this.configured = !lint.teams().isEmpty() || !lint.members().isEmpty();
    this.checker = QualityChecker.of(lint);
    if (configured) {
      return;
    }
    for (Postmortem p : postmortems) {
      Map<String, Integer> counts = new TreeMap<>();
      for (ActionItem item : p.actionItems()) {
        String team = ownTeam(item.owner());
        if (team != null) {
          counts.merge(team, 1, Integer::sum);
        }
      }
      // The most items wins; a tie goes to the first name in order, so the answer is stable.
      counts.entrySet().stream().max(Map.Entry.<String, Integer>comparingByValue()
              .thenComparing(Map.Entry.comparingByKey(java.util.Comparator.reverseOrder())))
          .ifPresent(e -> byPostmortem.put(p.id(), e.getKey()));
    }
  }

  /** The item's team, or {@link #NO_TEAM} (inferred) or {@link #NO_OWNER} (by {@code lint.teams}). */
  String of(String postmortemId, ActionItem item) {
    if (configured) {
      String team = lint.teamOf(item.owner());
      return team == null ? NO_OWNER : team;
    }
    String own = ownTeam(item.owner());
    return own != null ? own : byPostmortem.getOrDefault(postmortemId, NO_TEAM);
  }

  private String ownTeam(String owner) {
    if (owner == null || !checker.isTeam(owner)) {
      return null;
    }
    return owner.strip().replaceFirst("^@", "").toLowerCase(Locale.ROOT);
  }
}
