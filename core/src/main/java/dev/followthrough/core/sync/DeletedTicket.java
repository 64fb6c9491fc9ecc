package dev.followthrough.core.sync;

/**
 * An item whose ticket the tracker deleted: it is not synced until a person unlinks it (the next
 * sync then creates a new ticket) or closes it.
 */
public record DeletedTicket(ItemRef item, String ticketKey) {
  /** What the person can do, as {@code plan} and {@code sync} print it. */
  public static String advice(ItemRef item) {
    return "run 'followthrough unlink " + item.postmortemId() + "/" + item.itemId()
        + "' to create a new ticket, or close the item";
  }

  public String describe() {
    return "deleted  " + item + ": ticket " + ticketKey + " was deleted in the tracker; " + advice(item);
  }
}
