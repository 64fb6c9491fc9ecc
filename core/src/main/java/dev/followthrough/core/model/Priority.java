package dev.followthrough.core.model;

import java.util.Locale;
import java.util.Optional;

/** Urgency of an action item, {@code P1} the most urgent. */
public enum Priority {
  P1,
  P2,
  P3,
  P4;

  /**
   * Reads the ways documents write a priority: {@code P1}, {@code p2}, {@code 1}, and the words
   * critical, high, medium and low.
   */
  public static Optional<Priority> parse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    String t = text.strip().toLowerCase(Locale.ROOT);
    return switch (t) {
      case "p1", "1", "p0", "critical", "urgent", "highest", "blocker" -> Optional.of(P1);
      case "p2", "2", "high" -> Optional.of(P2);
      case "p3", "3", "medium", "normal", "moderate" -> Optional.of(P3);
      case "p4", "4", "low", "lowest", "minor" -> Optional.of(P4);
      default -> Optional.empty();
    };
  }
}
