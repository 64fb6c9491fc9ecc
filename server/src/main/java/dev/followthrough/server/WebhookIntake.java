package dev.followthrough.server;

import dev.followthrough.core.config.Secret;
import dev.followthrough.core.store.ActionStore;
import dev.followthrough.core.tracker.WebhookDelivery;
import dev.followthrough.core.tracker.WebhookHeaders;
import dev.followthrough.core.tracker.WebhookReceiver;
import dev.followthrough.core.tracker.WebhookRejectedException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Takes one tracker's webhook deliveries: the tracker's receiver checks the signature first, then
 * the store drops a delivery id seen before, and only then are the named tickets queued for a
 * re-read. A rejected delivery records nothing, so a forgery cannot use up a real delivery's id.
 * Thread-safe; it answers at once and leaves the re-read to the queue.
 */
public final class WebhookIntake {
  /** What a delivery came to, with the HTTP status it is answered with. */
  public enum Outcome {
    ACCEPTED(202), DUPLICATE(200), UNAUTHORIZED(401), MALFORMED(400);

    private final int status;

    Outcome(int status) {
      this.status = status;
    }

    public int httpStatus() {
      return status;
    }
  }

  /** The answer to one delivery; {@code message} names no secret and no signature. */
  public record Answer(Outcome outcome, String message, List<String> ticketKeys) {}

  /** GitHub lets a person redeliver the past three days' deliveries; a week covers that with room. */
  public static final Duration RETENTION = Duration.ofDays(7);

  private final WebhookReceiver receiver;
  private final Secret secret;
  private final ActionStore store;
  private final Clock clock;
  private final Consumer<List<String>> queue;

  /** @param queue takes the keys of the tickets to re-read; it must not block */
  public WebhookIntake(WebhookReceiver receiver, Secret secret, ActionStore store, Clock clock,
      Consumer<List<String>> queue) {
    this.receiver = Objects.requireNonNull(receiver, "receiver");
    this.secret = Objects.requireNonNull(secret, "secret");
    this.store = Objects.requireNonNull(store, "store");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.queue = Objects.requireNonNull(queue, "queue");
  }

  /** The route's last segment: deliveries arrive at {@code POST /webhooks/SEGMENT}. */
  public String pathSegment() {
    return receiver.pathSegment();
  }

  public Answer receive(byte[] body, WebhookHeaders headers) {
    WebhookDelivery delivery;
    try {
      delivery = receiver.receive(body, headers, secret);
    } catch (WebhookRejectedException e) {
      Outcome outcome = e.kind() == WebhookRejectedException.Kind.UNAUTHORIZED ? Outcome.UNAUTHORIZED : Outcome.MALFORMED;
      return new Answer(outcome, e.getMessage(), List.of());
    }
    if (!store.recordDelivery(receiver.pathSegment(), delivery.deliveryId(), clock.instant(), RETENTION)) {
      return new Answer(Outcome.DUPLICATE, "delivery " + delivery.deliveryId() + " was received before", List.of());
    }
    if (!delivery.ticketKeys().isEmpty()) {
      queue.accept(delivery.ticketKeys());
    }
    return new Answer(Outcome.ACCEPTED, delivery.event() + " queued", delivery.ticketKeys());
  }
}
