package dev.followthrough.core.tracker;

import java.util.Collection;
import java.util.List;

/**
 * An issue tracker, seen through tracker-neutral types only: no HTTP, JSON or client-library type
 * crosses this interface. Adapters live in their own modules; core has {@link InMemoryTracker}.
 *
 * <p>Every method may throw {@link TrackerException}. Implementations must be safe for use by one
 * sync at a time; they need not be thread-safe.
 */
public interface Tracker {

  /** The type name used in configuration and ticket links. */
  String type();

  Capabilities capabilities();

  /**
   * The tickets changed since an instant, when the tracker can list them; empty (this default)
   * makes every sync read every linked ticket. See {@link ChangeFeed} for what an implementation
   * must answer.
   */
  default java.util.Optional<ChangeFeed> changeFeed() {
    return java.util.Optional.empty();
  }

  /**
   * The tickets that carry any of these idempotency keys, read in as few calls as the tracker
   * allows. A ticket created moments ago may be missing while the tracker's search lags.
   */
  List<TicketSnapshot> findByKeys(Collection<String> idempotencyKeys);

  /**
   * Whether a ticket a document cites belongs to the project this tracker works in. A postmortem
   * may cite another repository's or project's issue; this tool neither reads nor changes such a
   * ticket, and gives the item a ticket of its own. This default holds every citation.
   */
  default boolean holds(dev.followthrough.core.model.TicketLink cited) {
    return true;
  }

  /** The tickets with these keys, in batches; keys that do not exist are left out. */
  List<TicketSnapshot> fetch(Collection<String> ticketKeys);

  /**
   * Creates tickets, in batches where the tracker has batch create. Each draft gets its own
   * outcome, so one bad draft does not fail the others.
   */
  List<CreateOutcome> createAll(List<TicketDraft> drafts);

  /** Changes the given fields of a ticket to the draft's values and returns the ticket. */
  TicketSnapshot update(String ticketKey, TicketDraft draft, java.util.Set<TicketField> fields);

  /**
   * Moves a ticket to a state: done, won't do, or back to open (reopen). Trackers choose the
   * transition by its meaning, never by a hard-coded id or name.
   */
  TicketSnapshot transition(String ticketKey, TicketState target);

  /** Adds a comment (plain text, paragraphs separated by blank lines) to a ticket. */
  void comment(String ticketKey, String text);

  /**
   * The outcome of creating one ticket: the ticket, or the failure.
   *
   * @param draft the draft it was for
   */
  record CreateOutcome(TicketDraft draft, TicketSnapshot ticket, TrackerException failure) {
    public static CreateOutcome created(TicketDraft draft, TicketSnapshot ticket) {
      return new CreateOutcome(draft, ticket, null);
    }

    public static CreateOutcome failed(TicketDraft draft, TrackerException failure) {
      return new CreateOutcome(draft, null, failure);
    }

    public boolean succeeded() {
      return ticket != null;
    }
  }
}
