package dev.followthrough.core.report;

import dev.followthrough.core.model.Finding;
import dev.followthrough.core.model.Postmortem;
import dev.followthrough.core.quality.LintSettings;
import dev.followthrough.core.store.QualityCount;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The share of action items with quality findings, overall, per postmortem and per team. A share
 * is counted over the items whose findings are known ({@code checked}); items stored before
 * findings were kept are left out until their document is imported again.
 *
 * @param byPostmortem every postmortem, by id
 * @param byTeam per team (the owner's team in {@code lint.teams}, else the owner as written), by
 *     name; items without an owner last, under a {@code null} team
 */
public record QualityFigures(Share overall, List<ByPostmortem> byPostmortem, List<ByTeam> byTeam) {
  /** No items, no postmortems. */
  public static final QualityFigures EMPTY = new QualityFigures(new Share(0, 0, 0, 0), List.of(), List.of());

  public QualityFigures {
    byPostmortem = List.copyOf(byPostmortem);
    byTeam = List.copyOf(byTeam);
  }

  /**
   * Counts over a set of items.
   *
   * @param items items in their documents
   * @param checked those whose findings are known
   * @param withFindings checked items with at least one finding
   * @param withErrors checked items with an error-level finding
   */
  public record Share(long items, long checked, long withFindings, long withErrors) {
    /** withFindings / checked, or {@code null} when none was checked. */
    public Double findingRate() {
      return checked == 0 ? null : withFindings / (double) checked;
    }

    /** withErrors / checked, or {@code null} when none was checked. */
    public Double errorRate() {
      return checked == 0 ? null : withErrors / (double) checked;
    }

    Share plus(QualityCount c) {
      return new Share(items + c.items(), checked + c.checked(), withFindings + c.withFindings(),
          withErrors + c.withErrors());
    }
  }

  /**
   * One postmortem's share.
   *
   * @param findings the rules found on its set of items as a whole ({@code no-detection-item}…),
   *     or {@code null} when it was never checked
   */
  public record ByPostmortem(String postmortemId, Share share, List<String> findings) {}

  /** One team's share; {@code team} is {@code null} for the items without an owner. */
  public record ByTeam(String team, Share share) {}

  /** The figures of a report, from the postmortems' heads and the stored counts. */
  static QualityFigures of(List<Postmortem> heads, List<QualityCount> counts, LintSettings lint) {
    Share zero = new Share(0, 0, 0, 0);
    Share overall = zero;
    Map<String, Share> perPostmortem = new HashMap<>();
    Map<String, Share> perTeam = new TreeMap<>();
    Share unowned = zero;
    for (QualityCount c : counts) {
      overall = overall.plus(c);
      perPostmortem.merge(c.postmortemId(), zero.plus(c), QualityFigures::sum);
      String team = lint.teamOf(c.owner());
      if (team == null) {
        unowned = unowned.plus(c);
      } else {
        perTeam.merge(team, zero.plus(c), QualityFigures::sum);
      }
    }
    List<ByPostmortem> byPostmortem = new ArrayList<>();
    heads.stream().sorted(Comparator.comparing(Postmortem::id)).forEach(p -> byPostmortem.add(new ByPostmortem(p.id(),
        perPostmortem.getOrDefault(p.id(), zero),
        p.quality() == null ? null : p.quality().stream().map(Finding::rule).toList())));
    List<ByTeam> byTeam = new ArrayList<>();
    perTeam.forEach((team, share) -> byTeam.add(new ByTeam(team, share)));
    if (unowned.items() > 0) {
      byTeam.add(new ByTeam(null, unowned));
    }
    return new QualityFigures(overall, byPostmortem, byTeam);
  }

  private static Share sum(Share a, Share b) {
    return new Share(a.items() + b.items(), a.checked() + b.checked(), a.withFindings() + b.withFindings(),
        a.withErrors() + b.withErrors());
  }
}
