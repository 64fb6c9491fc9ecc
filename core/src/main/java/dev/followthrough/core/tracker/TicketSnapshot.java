package dev.followthrough.core.tracker;

import dev.followthrough.core.model.Priority;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * A ticket as the tracker holds it now.
 *
 * @param key the tracker's key ({@code OPS-12}, or an issue number)
 * @param idempotencyKey the {@code ft-…} key it carries, or {@code null} for a ticket not made by
 *     Followthrough
 * @param assignee the assignee mapped back to an owner where the mapping is known, else the
 *     tracker account, or {@code null}
 * @param version changes whenever the ticket changes (an ETag, an update counter or timestamp)
 */
public record TicketSnapshot(
    String key,
    String url,
    String idempotencyKey,
    String title,
    String description,
    TicketState state,
    String assignee,
    LocalDate dueDate,
    Priority priority,
    List<String> labels,
    Instant updatedAt,
    String version) {

  public TicketSnapshot {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(state, "state");
    labels = labels == null ? List.of() : List.copyOf(labels);
  }
}
