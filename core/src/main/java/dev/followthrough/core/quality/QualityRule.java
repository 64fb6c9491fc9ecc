package dev.followthrough.core.quality;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** A check on an action item or on a postmortem's set of items, named as the {@code lint:} config names it. */
public enum QualityRule {
  VAGUE("vague", Level.WARNING),
  UNBOUNDED("unbounded", Level.WARNING),
  NO_OWNER("no-owner", Level.ERROR),
  TEAM_OWNER("team-owner", Level.WARNING),
  NO_DUE_DATE("no-due-date", Level.WARNING),
  NO_CRITERION("no-criterion", Level.WARNING),
  TOO_BROAD("too-broad", Level.WARNING),
  NO_DETECTION_ITEM("no-detection-item", Level.WARNING),
  NO_PREVENTION_ITEM("no-prevention-item", Level.WARNING);

  /** How much a finding matters; {@code OFF} switches its rule off. */
  public enum Level { OFF, WARNING, ERROR }

  private final String id;
  private final Level defaultLevel;

  QualityRule(String id, Level defaultLevel) {
    this.id = id;
    this.defaultLevel = defaultLevel;
  }

  public String id() {
    return id;
  }

  public Level defaultLevel() {
    return defaultLevel;
  }

  /** Whether it judges a whole postmortem rather than one item. */
  public boolean perPostmortem() {
    return this == NO_DETECTION_ITEM || this == NO_PREVENTION_ITEM;
  }

  public static Optional<QualityRule> byId(String id) {
    String wanted = id == null ? "" : id.strip().toLowerCase(Locale.ROOT);
    return Arrays.stream(values()).filter(r -> r.id.equals(wanted)).findFirst();
  }
}
