package dev.followthrough.core.importer;

import dev.followthrough.core.model.TimelineKind;
import java.util.Locale;

/** The kind a timeline table's kind, type or phase column names ("Detection", "mitigated"). */
final class TimelineKinds {
  private TimelineKinds() {}

  static TimelineKind named(String text) {
    String t = text.strip().toUpperCase(Locale.ROOT).replace(' ', '_').replace('-', '_');
    for (TimelineKind kind : TimelineKind.values()) {
      if (kind.name().equals(t) || kind.name().startsWith(t) && t.length() >= 4) {
        return kind;
      }
    }
    return t.isEmpty() ? null : Wording.timelineKind(text);
  }
}
