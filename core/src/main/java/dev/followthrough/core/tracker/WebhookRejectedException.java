package dev.followthrough.core.tracker;

import dev.followthrough.core.FollowthroughException;

/** A webhook delivery that must change nothing; its message never repeats a secret or a signature. */
public final class WebhookRejectedException extends FollowthroughException {
  private static final long serialVersionUID = 1L;

  /** Why it was refused, which decides the HTTP answer. */
  public enum Kind {
    /** Unsigned, or signed with another secret: HTTP 401. */
    UNAUTHORIZED,
    /** Signed, but not a delivery this tracker sends (no id, not JSON): HTTP 400. */
    MALFORMED
  }

  private final Kind kind;

  public WebhookRejectedException(Kind kind, String message) {
    super(message);
    this.kind = kind;
  }

  public Kind kind() {
    return kind;
  }
}
