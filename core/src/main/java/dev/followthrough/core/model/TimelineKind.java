package dev.followthrough.core.model;

/** What a timeline entry records. */
public enum TimelineKind {
  DETECTION,
  ESCALATION,
  FALSE_LEAD,
  MITIGATION,
  RESOLUTION,
  OTHER
}
