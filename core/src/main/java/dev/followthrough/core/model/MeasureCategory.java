package dev.followthrough.core.model;

/** The area a measure works in. */
public enum MeasureCategory {
  MONITORING,
  TESTING,
  CODE,
  CONFIGURATION,
  PROCESS,
  DOCUMENTATION,
  TRAINING,
  OTHER
}
