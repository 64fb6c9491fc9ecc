package dev.followthrough.core.tracker;

import java.util.List;
import java.util.Objects;

/**
 * A verified webhook delivery as its tracker module read it: a prompt to re-read the named
 * tickets, never state to apply (deliveries arrive late, twice and out of order).
 *
 * @param deliveryId the tracker's id for this delivery, the same on a redelivery
 * @param event the tracker's event name, for logs
 * @param ticketKeys the keys of the tickets it names, as {@link dev.followthrough.core.model.TicketLink#key()}
 *     holds them; empty for events about no ticket (a ping)
 */
public record WebhookDelivery(String deliveryId, String event, List<String> ticketKeys) {
  public WebhookDelivery {
    Objects.requireNonNull(deliveryId, "deliveryId");
    Objects.requireNonNull(event, "event");
    ticketKeys = List.copyOf(ticketKeys);
  }
}
