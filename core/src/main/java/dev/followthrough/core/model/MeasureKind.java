package dev.followthrough.core.model;

/** Whether a measure fixes this incident's cause or keeps the next one from happening. */
public enum MeasureKind {
  CORRECTIVE,
  PREVENTIVE
}
