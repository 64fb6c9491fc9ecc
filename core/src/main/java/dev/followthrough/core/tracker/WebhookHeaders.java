package dev.followthrough.core.tracker;

import java.util.Optional;

/** The headers of one webhook delivery, looked up by name without regard to case. */
@FunctionalInterface
public interface WebhookHeaders {
  /** The first value of a header, or empty when the delivery has none. */
  Optional<String> first(String name);
}
