package dev.followthrough.core.recurrence;

import dev.followthrough.core.model.ActionItem;
import dev.followthrough.core.model.IncidentSummary;
import dev.followthrough.core.model.Measure;
import dev.followthrough.core.model.Postmortem;
import dev.followthrough.core.recurrence.FailureTerms.Term;
import dev.followthrough.core.recurrence.TextAnalysis.Token;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads the text of a postmortem into a {@link Profile}. Immutable and thread-safe. */
final class Profiler {
  // The title and root cause name the failure; the impact and remedies mostly do not.
  private enum Field {
    TITLE(2.0, 1.0),
    ROOT_CAUSE(2.0, 1.0),
    SUMMARY(1.0, 0.8),
    RESOLUTION(1.0, 0.8),
    IMPACT(0.5, 0.5),
    REMEDY(0.75, 0.5);

    final double termWeight;
    final double failureWeight;

    Field(double termWeight, double failureWeight) {
      this.termWeight = termWeight;
      this.failureWeight = failureWeight;
    }
  }

  // Nouns that end a service or component name: "booking service", "partner API".
  private static final String HEADS = "service api store database db cluster queue topic consumer worker "
      + "gateway listener pipeline proxy cache bucket job endpoint controller app balancer";

  // Modifiers too common to name a particular service.
  private static final String GENERIC = "web database internal external primary secondary main backend "
      + "frontend upstream downstream production staging existing single local remote public private "
      + "application read write multiple several large small healthy unhealthy critical default";

  private final TextAnalysis analysis;
  private final FailureTerms failureTerms;
  private final Set<String> heads;
  private final Set<String> generic;

  Profiler(TextAnalysis analysis, FailureTerms failureTerms) {
    this.analysis = analysis;
    this.failureTerms = failureTerms;
    this.heads = Set.copyOf(analysis.stems(HEADS));
    this.generic = Set.copyOf(analysis.stems(GENERIC));
  }

  Profile profile(Postmortem postmortem) {
    Builder builder = new Builder();
    IncidentSummary incident = postmortem.incident();
    builder.add(Field.TITLE, postmortem.title());
    builder.add(Field.ROOT_CAUSE, incident.rootCause());
    builder.add(Field.SUMMARY, incident.summary());
    builder.add(Field.RESOLUTION, incident.resolution());
    // The importer may copy a summary line into the impact too; count it once.
    if (incident.impact() != null && !incident.impact().equals(incident.summary())) {
      builder.add(Field.IMPACT, incident.impact());
    }
    for (Measure measure : postmortem.measures()) {
      builder.add(Field.REMEDY, measure.title());
    }
    for (ActionItem item : postmortem.actionItems()) {
      builder.add(Field.REMEDY, item.title());
    }
    return new Profile(postmortem.id(), builder.terms, builder.words, builder.failures,
        builder.failureStems, builder.entities);
  }

  /** Whether the two read the same in every field a profile is made of. */
  static boolean sameText(Postmortem a, Postmortem b) {
    return a.id().equals(b.id()) && java.util.Objects.equals(a.title(), b.title())
        && java.util.Objects.equals(a.incident(), b.incident())
        && a.measures().stream().map(Measure::title).toList().equals(b.measures().stream().map(Measure::title).toList())
        && a.actionItems().stream().map(ActionItem::title).toList()
            .equals(b.actionItems().stream().map(ActionItem::title).toList());
  }

  private final class Builder {
    final Map<String, Double> terms = new HashMap<>();
    final Map<String, String> words = new HashMap<>();
    final Map<Term, Double> failures = new LinkedHashMap<>();
    final Set<String> failureStems = new HashSet<>();
    final Map<String, String> entities = new LinkedHashMap<>();

    void add(Field field, String text) {
      List<Token> tokens = analysis.tokens(text);
      failureTerms.find(tokens.stream().map(Token::stem).toList()).forEach((term, covered) -> {
        failures.merge(term, field.failureWeight, Math::max);
        failureStems.addAll(covered);
      });
      for (int i = 0; i < tokens.size(); i++) {
        Token token = tokens.get(i);
        if (analysis.informative(token.stem())) {
          terms.merge(token.stem(), field.termWeight, Double::sum);
          words.putIfAbsent(token.stem(), token.word());
        }
        if (i > 0 && heads.contains(token.stem())) {
          Token modifier = tokens.get(i - 1);
          if (analysis.informative(modifier.stem()) && !generic.contains(modifier.stem())
              && !heads.contains(modifier.stem())) {
            entities.putIfAbsent(modifier.stem() + " " + token.stem(), modifier.word() + " " + token.word());
          }
        }
      }
    }
  }
}
