package dev.followthrough.core.sync;

/** Names an action item in plans, results and events. */
public record ItemRef(String postmortemId, String itemId, String title) {
  @Override
  public String toString() {
    return postmortemId + "/" + itemId;
  }
}
