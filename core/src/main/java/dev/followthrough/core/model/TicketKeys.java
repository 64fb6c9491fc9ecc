package dev.followthrough.core.model;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * The idempotency keys that tie a ticket to its action item.
 *
 * <p>A key is {@code ft-} and 32 hexadecimal digits of the SHA-256 of the postmortem id and the
 * item id: 35 characters of {@code a-z0-9-}, which every tracker accepts as a label (the strictest
 * tracker we know refuses label names over 50 characters), stable for a pair of ids, and different for different
 * pairs because the ids are hashed with a separator no id can contain (so {@code a-b} + {@code c}
 * and {@code a} + {@code b-c} differ).
 */
public final class TicketKeys {
  /** The most characters a key may have: the strictest label-name limit we know. */
  public static final int MAX_LENGTH = 50;
  private static final Pattern VALID = Pattern.compile("ft-[a-z0-9-]{1," + (MAX_LENGTH - 3) + "}");
  private static final int HEX_DIGITS = 32;
  private static final Pattern CURRENT = Pattern.compile("ft-[0-9a-f]{" + HEX_DIGITS + "}");

  private TicketKeys() {}

  /** The key of an item's ticket. */
  public static String of(String postmortemId, String itemId) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update(postmortemId.getBytes(StandardCharsets.UTF_8));
      sha.update((byte) 0);
      sha.update(itemId.getBytes(StandardCharsets.UTF_8));
      return "ft-" + HexFormat.of().formatHex(sha.digest()).substring(0, HEX_DIGITS);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }

  /**
   * The key that versions before the hashed form gave the same item ({@code ft-<postmortem>-<item>}):
   * tickets that carry it are still found, and a sync moves them to {@link #of}.
   */
  public static String legacy(String postmortemId, String itemId) {
    return "ft-" + postmortemId + "-" + itemId;
  }

  /**
   * The idempotency key among a ticket's labels: one of the current form when there is one, else
   * an older form, else {@code null}. Labels of groups ({@code ft-epic-…}) are not keys.
   */
  public static String pick(java.util.Collection<String> labels) {
    String older = null;
    for (String label : labels) {
      if (CURRENT.matcher(label).matches()) {
        return label;
      }
      if (older == null && label.startsWith("ft-") && !label.startsWith("ft-epic-")) {
        older = label;
      }
    }
    return older;
  }

  /** Whether a text is a key every tracker accepts: {@code ft-}, then {@code a-z0-9-}, 50 characters at most. */
  public static boolean isValid(String key) {
    return key != null && VALID.matcher(key).matches();
  }
}
