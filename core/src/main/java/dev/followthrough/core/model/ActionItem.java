package dev.followthrough.core.model;

import java.time.LocalDate;
import java.util.List;

/**
 * A task that must get done because of an incident, tracked until it is closed.
 *
 * <p>Immutable; the {@code with…} methods return changed copies.
 *
 * @param id stable within its postmortem: a re-import of an edited document keeps it
 * @param description further detail, or {@code null}
 * @param owner a handle ({@code erin}) or e-mail address, or {@code null} when nobody owns it
 * @param dueDate {@code null} until the document or a due-date policy gives one
 * @param priority {@code null} when the document gives none and no policy was applied
 * @param type what the item does (prevent, mitigate, detect, process…) as written, or {@code null}
 * @param measureId the id of the measure it serves, when known
 * @param tickets the tickets that track it, at most one per tracker
 * @param history every recorded change, oldest first
 * @param missingFromSource true once a re-import no longer finds it in its document; such items
 *     are flagged, never deleted
 * @param verificationCriterion how to tell that the item worked once done, as the document wrote it
 *     ({@code Verify: no alert for 30 days}), or {@code null}
 * @param verification {@code null} until the item is done; then whether its fix was shown to work
 * @param line the line of its document the item was read from (1-based), or {@code null} when not
 *     read from a document
 * @param quality the quality findings on the item as its document states it (empty when it has
 *     none), or {@code null} when it was never checked (an item stored by an older release, or
 *     built in code)
 */
public record ActionItem(
    String id,
    String title,
    String description,
    String owner,
    LocalDate dueDate,
    Priority priority,
    ItemStatus status,
    String type,
    String measureId,
    List<TicketLink> tickets,
    List<HistoryEntry> history,
    boolean missingFromSource,
    String verificationCriterion,
    Verification verification,
    Integer line,
    List<Finding> quality) {

  public ActionItem {
    Problems problems =
        new Problems("action item").slug("id", id).notBlank("title", title).notNull("status", status);
    problems.check(line == null || line >= 0, "line: must not be negative");
    if (tickets != null) {
      problems.check(
          tickets.stream().map(TicketLink::tracker).distinct().count() == tickets.size(),
          "tickets: at most one ticket per tracker");
    }
    problems.throwIfAny();
    title = title.strip();
    description = Text.blankToNull(description);
    owner = Text.blankToNull(owner);
    type = Text.blankToNull(type);
    measureId = Text.blankToNull(measureId);
    verificationCriterion = Text.blankToNull(verificationCriterion);
    tickets = tickets == null ? List.of() : List.copyOf(tickets);
    history = history == null ? List.of() : List.copyOf(history);
    quality = quality == null ? null : List.copyOf(quality);
  }

  /** A new open item without owner, dates, tickets or history. */
  public static ActionItem open(String id, String title) {
    return new ActionItem(id, title, null, null, null, null, ItemStatus.OPEN, null, null, List.of(), List.of(), false,
        null, null, null, null);
  }

  /** The item as before verification existed: none recorded. */
  public ActionItem(String id, String title, String description, String owner, LocalDate dueDate, Priority priority,
      ItemStatus status, String type, String measureId, List<TicketLink> tickets, List<HistoryEntry> history,
      boolean missingFromSource, String verificationCriterion) {
    this(id, title, description, owner, dueDate, priority, status, type, measureId, tickets, history,
        missingFromSource, verificationCriterion, null, null, null);
  }

  /** The item without a known source line. */
  public ActionItem(String id, String title, String description, String owner, LocalDate dueDate, Priority priority,
      ItemStatus status, String type, String measureId, List<TicketLink> tickets, List<HistoryEntry> history,
      boolean missingFromSource, String verificationCriterion, Verification verification) {
    this(id, title, description, owner, dueDate, priority, status, type, measureId, tickets, history,
        missingFromSource, verificationCriterion, verification, null, null);
  }

  /** The item without quality findings: never checked. */
  public ActionItem(String id, String title, String description, String owner, LocalDate dueDate, Priority priority,
      ItemStatus status, String type, String measureId, List<TicketLink> tickets, List<HistoryEntry> history,
      boolean missingFromSource, String verificationCriterion, Verification verification, Integer line) {
    this(id, title, description, owner, dueDate, priority, status, type, measureId, tickets, history,
        missingFromSource, verificationCriterion, verification, line, null);
  }

  /** The item's ticket in a tracker, by the tracker's type: an item has at most one per tracker. */
  public java.util.Optional<TicketLink> ticketIn(String trackerType) {
    return tickets.stream().filter(t -> t.tracker().equals(trackerType)).findFirst();
  }

  public boolean isOverdue(LocalDate asOf) {
    return dueDate != null && dueDate.isBefore(asOf) && !status.isClosed();
  }

  public ActionItem withTitle(String newTitle) {
    return new ActionItem(id, newTitle, description, owner, dueDate, priority, status, type,
        measureId, tickets, history, missingFromSource, verificationCriterion, verification, line, quality);
  }

  public ActionItem withDescription(String newDescription) {
    return new ActionItem(id, title, newDescription, owner, dueDate, priority, status, type,
        measureId, tickets, history, missingFromSource, verificationCriterion, verification, line, quality);
  }

  public ActionItem withOwner(String newOwner) {
    return new ActionItem(id, title, description, newOwner, dueDate, priority, status, type,
        measureId, tickets, history, missingFromSource, verificationCriterion, verification, line, quality);
  }

  public ActionItem withDueDate(LocalDate newDueDate) {
    return new ActionItem(id, title, description, owner, newDueDate, priority, status, type,
        measureId, tickets, history, missingFromSource, verificationCriterion, verification, line, quality);
  }

  public ActionItem withPriority(Priority newPriority) {
    return new ActionItem(id, title, description, owner, dueDate, newPriority, status, type,
        measureId, tickets, history, missingFromSource, verificationCriterion, verification, line, quality);
  }

  public ActionItem withStatus(ItemStatus newStatus) {
    return new ActionItem(id, title, description, owner, dueDate, priority, newStatus, type,
        measureId, tickets, history, missingFromSource, verificationCriterion, verification, line, quality);
  }

  public ActionItem withType(String newType) {
    return new ActionItem(id, title, description, owner, dueDate, priority, status, newType,
        measureId, tickets, history, missingFromSource, verificationCriterion, verification, line, quality);
  }

  public ActionItem withMeasureId(String newMeasureId) {
    return new ActionItem(id, title, description, owner, dueDate, priority, status, type,
        newMeasureId, tickets, history, missingFromSource, verificationCriterion, verification, line, quality);
  }

  public ActionItem withTickets(List<TicketLink> newTickets) {
    return new ActionItem(id, title, description, owner, dueDate, priority, status, type,
        measureId, newTickets, history, missingFromSource, verificationCriterion, verification, line, quality);
  }

  public ActionItem withHistory(List<HistoryEntry> newHistory) {
    return new ActionItem(id, title, description, owner, dueDate, priority, status, type,
        measureId, tickets, newHistory, missingFromSource, verificationCriterion, verification, line, quality);
  }

  public ActionItem withMissingFromSource(boolean missing) {
    return new ActionItem(id, title, description, owner, dueDate, priority, status, type,
        measureId, tickets, history, missing, verificationCriterion, verification, line, quality);
  }

  public ActionItem withVerificationCriterion(String newCriterion) {
    return new ActionItem(id, title, description, owner, dueDate, priority, status, type,
        measureId, tickets, history, missingFromSource, newCriterion, verification, line, quality);
  }

  public ActionItem withVerification(Verification newVerification) {
    return new ActionItem(id, title, description, owner, dueDate, priority, status, type,
        measureId, tickets, history, missingFromSource, verificationCriterion, newVerification, line, quality);
  }

  public ActionItem withLine(Integer newLine) {
    return new ActionItem(id, title, description, owner, dueDate, priority, status, type,
        measureId, tickets, history, missingFromSource, verificationCriterion, verification, newLine, quality);
  }

  public ActionItem withQuality(List<Finding> newQuality) {
    return new ActionItem(id, title, description, owner, dueDate, priority, status, type,
        measureId, tickets, history, missingFromSource, verificationCriterion, verification, line, newQuality);
  }

  /** Appends one change to the history. */
  public ActionItem recording(HistoryEntry change) {
    List<HistoryEntry> longer = new java.util.ArrayList<>(history);
    longer.add(change);
    return withHistory(longer);
  }
}
