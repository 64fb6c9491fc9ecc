package dev.followthrough.core.tracker;

import dev.followthrough.core.config.Secret;

/**
 * Reads one tracker's webhook deliveries for {@code followthrough serve}; obtained from
 * {@link TrackerProvider#webhooks}, so that a new tracker brings its own in its module.
 *
 * <p>This interface is stable: a tracker module implements it as follows.
 * <ul>
 *   <li>{@link #pathSegment()} names the route: deliveries arrive at {@code POST /webhooks/SEGMENT}.
 *   <li>{@link #receive} first checks the signature over the raw bytes exactly as received (never
 *       over re-serialised JSON), with an HMAC from {@code javax.crypto.Mac} compared by
 *       {@code MessageDigest.isEqual} (constant time), and throws
 *       {@link WebhookRejectedException.Kind#UNAUTHORIZED} when it is missing or wrong, before
 *       reading anything else. Then it reads the delivery id and the ticket keys, throwing
 *       {@link WebhookRejectedException.Kind#MALFORMED} when the delivery is not one the tracker sends.
 *   <li>It does no I/O and keeps no state: the server drops redeliveries by the id, through the store.
 * </ul>
 * Implementations are thread-safe.
 */
public interface WebhookReceiver {
  /** The last segment of the delivery URL, such as the tracker's type. */
  String pathSegment();

  /**
   * Verifies and reads one delivery.
   *
   * @param body the request body, byte for byte
   * @param secret the secret configured as {@code tracker.webhookSecret}
   * @throws WebhookRejectedException when the delivery must change nothing
   */
  WebhookDelivery receive(byte[] body, WebhookHeaders headers, Secret secret);
}
