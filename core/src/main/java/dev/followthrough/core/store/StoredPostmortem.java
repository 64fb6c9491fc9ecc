package dev.followthrough.core.store;

import dev.followthrough.core.model.Postmortem;
import java.time.Instant;
import java.util.Objects;

/**
 * A postmortem as the store holds it.
 *
 * @param version starts at 1 and grows by one with every update; pass it back to {@link
 *     ActionStore#update} so that a concurrent change is detected instead of overwritten
 */
public record StoredPostmortem(Postmortem postmortem, long version, Instant updatedAt) {
  public StoredPostmortem {
    Objects.requireNonNull(postmortem, "postmortem");
    Objects.requireNonNull(updatedAt, "updatedAt");
    if (version < 1) {
      throw new IllegalArgumentException("version must be at least 1");
    }
  }

  public String id() {
    return postmortem.id();
  }
}
