package dev.followthrough.core.tracker;

import dev.followthrough.core.model.Priority;
import dev.followthrough.core.model.TicketKeys;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * What a ticket should say, in tracker-neutral terms; each adapter maps it to its own fields.
 *
 * @param idempotencyKey the {@code ft-…} token the ticket must carry so that a retried sync finds
 *     it (a label, and where possible a property or hidden marker)
 * @param description plain text with blank lines between paragraphs; adapters convert it
 * @param owner the item's owner as written (handle or e-mail); the adapter maps it to an account,
 *     and leaves the ticket unassigned with a warning when it cannot
 * @param labels configured labels; the adapter adds the idempotency key itself
 * @param sourceUrl where the postmortem can be read, or {@code null}
 * @param state the state to create the ticket in: a closed item gets a closed ticket
 * @param postmortemId the postmortem the item belongs to, for trackers that group tickets (an
 *     epic per postmortem), or {@code null}
 * @param postmortemTitle that postmortem's title, or {@code null}
 * @param formerKeys keys that older versions gave the same item ({@link TicketKeys#legacy}): a ticket
 *     carrying one is the item's ticket, and an update of its labels moves it to the current key
 * @param siblingTickets keys of tickets already linked, in this tracker, to other items of the same
 *     postmortem: a read by key is current where a search may lag, so a tracker that groups tickets
 *     can find the group through them before it makes a new one
 */
public record TicketDraft(
    String idempotencyKey,
    String title,
    String description,
    String owner,
    LocalDate dueDate,
    Priority priority,
    List<String> labels,
    String sourceUrl,
    TicketState state,
    String postmortemId,
    String postmortemTitle,
    List<String> formerKeys,
    List<String> siblingTickets) {

  /** A draft without sibling tickets. */
  public TicketDraft(String idempotencyKey, String title, String description, String owner, LocalDate dueDate,
      Priority priority, List<String> labels, String sourceUrl, TicketState state, String postmortemId,
      String postmortemTitle, List<String> formerKeys) {
    this(idempotencyKey, title, description, owner, dueDate, priority, labels, sourceUrl, state, postmortemId,
        postmortemTitle, formerKeys, List.of());
  }

  /** A draft without former keys. */
  public TicketDraft(String idempotencyKey, String title, String description, String owner, LocalDate dueDate,
      Priority priority, List<String> labels, String sourceUrl, TicketState state, String postmortemId,
      String postmortemTitle) {
    this(idempotencyKey, title, description, owner, dueDate, priority, labels, sourceUrl, state, postmortemId,
        postmortemTitle, List.of());
  }

  /** A draft outside any postmortem. */
  public TicketDraft(String idempotencyKey, String title, String description, String owner, LocalDate dueDate,
      Priority priority, List<String> labels, String sourceUrl, TicketState state) {
    this(idempotencyKey, title, description, owner, dueDate, priority, labels, sourceUrl, state, null, null, List.of());
  }

  public TicketDraft {
    Objects.requireNonNull(idempotencyKey, "idempotencyKey");
    Objects.requireNonNull(title, "title");
    if (!TicketKeys.isValid(idempotencyKey)) {
      throw new IllegalArgumentException("an idempotency key is ft- and then at most " + (TicketKeys.MAX_LENGTH - 3)
          + " characters of a-z, 0-9 and -, got " + idempotencyKey);
    }
    labels = labels == null ? List.of() : List.copyOf(labels);
    formerKeys = formerKeys == null ? List.of() : List.copyOf(formerKeys);
    siblingTickets = siblingTickets == null ? List.of() : List.copyOf(siblingTickets);
    state = state == null ? TicketState.OPEN : state;
  }
}
