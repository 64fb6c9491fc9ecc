package dev.followthrough.core.model;

import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * An incident postmortem: what happened, what was learned and what must be done.
 *
 * <p>Immutable and validated: construction fails with a {@link
 * dev.followthrough.core.ValidationException} listing every broken rule.
 *
 * @param id stable slug such as {@code 2025-05-03-payment-webhook-backlog}
 * @param severity free text such as {@code SEV1}, or {@code null}
 * @param sections free-text sections found besides the structured ones (lessons learned,
 *     misleading paths, escalation…), by heading, in document order
 * @param source where it was read from, or {@code null} for one built in code
 * @param recurrenceOf earlier incidents this one likely repeats, found on import
 * @param quality the findings on the postmortem's set of items (no item that detects, none that
 *     prevents), or {@code null} when it was never checked; each item carries its own
 */
public record Postmortem(
    String id,
    String title,
    String severity,
    IncidentSummary incident,
    List<TimelineEntry> timeline,
    List<Measure> measures,
    List<ActionItem> actionItems,
    Map<String, String> sections,
    Source source,
    List<Recurrence> recurrenceOf,
    List<Finding> quality) {

  public Postmortem {
    Problems problems = new Problems("postmortem").slug("id", id).notBlank("title", title);
    if (actionItems != null) {
      problems.check(
          unique(actionItems.stream().map(ActionItem::id).toList()),
          "actionItems: two items share an id");
    }
    if (measures != null) {
      problems.check(
          unique(measures.stream().map(Measure::id).toList()), "measures: two measures share an id");
    }
    problems.throwIfAny();
    title = title.strip();
    severity = Text.blankToNull(severity);
    incident = incident == null ? IncidentSummary.EMPTY : incident;
    timeline = timeline == null ? List.of() : List.copyOf(timeline);
    measures = measures == null ? List.of() : List.copyOf(measures);
    actionItems = actionItems == null ? List.of() : List.copyOf(actionItems);
    recurrenceOf = recurrenceOf == null ? List.of() : List.copyOf(recurrenceOf);
    quality = quality == null ? null : List.copyOf(quality);
    sections =
        sections == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(sections));
  }

  /** A postmortem without recorded recurrences. */
  public Postmortem(String id, String title, String severity, IncidentSummary incident, List<TimelineEntry> timeline,
      List<Measure> measures, List<ActionItem> actionItems, Map<String, String> sections, Source source) {
    this(id, title, severity, incident, timeline, measures, actionItems, sections, source, null, null);
  }

  /** A postmortem whose quality was never checked. */
  public Postmortem(String id, String title, String severity, IncidentSummary incident, List<TimelineEntry> timeline,
      List<Measure> measures, List<ActionItem> actionItems, Map<String, String> sections, Source source,
      List<Recurrence> recurrenceOf) {
    this(id, title, severity, incident, timeline, measures, actionItems, sections, source, recurrenceOf, null);
  }

  public Optional<ActionItem> item(String itemId) {
    return actionItems.stream().filter(i -> i.id().equals(itemId)).findFirst();
  }

  public Postmortem withActionItems(List<ActionItem> items) {
    return new Postmortem(id, title, severity, incident, timeline, measures, items, sections, source, recurrenceOf,
        quality);
  }

  public Postmortem withRecurrenceOf(List<Recurrence> recurrences) {
    return new Postmortem(id, title, severity, incident, timeline, measures, actionItems, sections, source, recurrences,
        quality);
  }

  /** A copy with these findings on the whole postmortem ({@code null}: never checked). */
  public Postmortem withQuality(List<Finding> findings) {
    return new Postmortem(id, title, severity, incident, timeline, measures, actionItems, sections, source, recurrenceOf,
        findings);
  }

  /** Returns a copy in which the item with the same id is replaced by {@code changed}. */
  public Postmortem withItem(ActionItem changed) {
    List<ActionItem> items =
        actionItems.stream().map(i -> i.id().equals(changed.id()) ? changed : i).toList();
    return withActionItems(items);
  }

  /** The item's idempotency key, carried by its ticket so that a retried sync finds it. */
  public String idempotencyKey(ActionItem item) {
    return TicketKeys.of(id, item.id());
  }

  private static boolean unique(List<String> ids) {
    Set<String> seen = new HashSet<>();
    return ids.stream().allMatch(seen::add);
  }
}
