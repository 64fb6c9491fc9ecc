package dev.followthrough.core.model;

/**
 * A corrective or preventive measure named by a postmortem. Action items may serve one.
 *
 * @param description further detail, or {@code null}
 */
public record Measure(
    String id, MeasureKind kind, MeasureCategory category, String title, String description) {
  public Measure {
    new Problems("measure")
        .slug("id", id)
        .notNull("kind", kind)
        .notNull("category", category)
        .notBlank("title", title)
        .throwIfAny();
    title = title.strip();
    description = Text.blankToNull(description);
  }
}
